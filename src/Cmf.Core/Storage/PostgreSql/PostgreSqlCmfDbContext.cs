using Cmf.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.PostgreSql;

/// <summary>The context type the PostgreSQL migrations belong to.</summary>
internal sealed class PostgreSqlCmfDbContext(DbContextOptions<PostgreSqlCmfDbContext> options) : CmfDbContext(options)
{
    public DbSet<StoredDataVersion> DataVersions => Set<StoredDataVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Byte order, as SQLite's BINARY: names sort and compare the same on both engines, whatever the server's locale.
        configurationBuilder.Properties<string>().UseCollation("C");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var dataVersion = modelBuilder.Entity<StoredDataVersion>();
        dataVersion.ToTable("DataVersion").HasKey(v => v.Id);
        dataVersion.Property(v => v.Id).ValueGeneratedNever();
    }
}
