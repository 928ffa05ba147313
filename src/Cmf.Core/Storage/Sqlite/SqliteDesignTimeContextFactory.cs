using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cmf.Core.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the app.</summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteCmfDbContext>
{
    public SqliteCmfDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCmfDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
