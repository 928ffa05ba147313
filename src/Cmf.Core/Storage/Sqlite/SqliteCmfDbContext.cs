using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Sqlite;

/// <summary>The context type the SQLite migrations belong to.</summary>
internal sealed class SqliteCmfDbContext(DbContextOptions<SqliteCmfDbContext> options) : CmfDbContext(options);
