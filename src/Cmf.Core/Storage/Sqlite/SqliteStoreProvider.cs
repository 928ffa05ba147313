using System.Data.Common;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.Core.Storage.Sqlite;

/// <summary>
/// The SQLite engine: one database file in WAL mode (readers never block the writer and see a
/// consistent snapshot), synchronous=NORMAL, foreign keys on, a busy timeout, and the migrations
/// in <c>Sqlite/Migrations</c>.
/// </summary>
public sealed class SqliteStoreProvider : StoreProvider
{
    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly DbContextOptions<SqliteCmfDbContext> _contextOptions;

    public SqliteStoreProvider(SqliteStoreOptions options)
        : this(options, [])
    {
    }

    internal SqliteStoreProvider(SqliteStoreOptions options, IReadOnlyList<IInterceptor> extraInterceptors)
    {
        _options = options;
        _connectionString = BuildConnectionString(options);
        _contextOptions = new DbContextOptionsBuilder<SqliteCmfDbContext>()
            .UseSqlite(_connectionString)
            .AddInterceptors([new SqliteConnectionSettings(options.BusyTimeout), .. extraInterceptors])
            .Options;
    }

    public string DatabasePath => _options.DatabasePath;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var context = CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken);
        // journal_mode is stored in the file: set once, every later connection uses WAL.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm) open; closing them checkpoints the WAL.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    /// <summary>One process reads and writes the file, so the writer publishes to its own feed.</summary>
    public override bool AnnouncesCommits => false;

    internal override CmfDbContext CreateContext() => new SqliteCmfDbContext(_contextOptions);

    // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32.
    internal override int MaxParametersPerStatement => 32766;

    // The writer binds by index (SqliteWriterCommand), so a statement's binding costs its parameter count, not its square
    // as with Microsoft.Data.Sqlite's by-name binding (which made 128 the best size). Larger statements still cost more
    // to prepare (once per row count and transaction) than they save past about a thousand parameters: 1,024 writes
    // 36 application rows or 1,024 watch positions a statement (bench/docs/coldstart.md, round four).
    internal override int ParametersPerStatement => 1024;

    // The command is SQLite's own statement on the connection, which runs inside the transaction begun on it.
    internal override WriterCommand CreateWriterCommand(DbConnection connection, DbTransaction transaction, string sql, WriterParameters parameters) =>
        new SqliteWriterCommand(connection, sql, parameters);

    // SQLite's LIKE already ignores the case of ASCII letters (and only theirs).
    internal override IQueryable<StoredApplication> WhereTextMatches(IQueryable<StoredApplication> applications, string pattern, string escape) =>
        applications.Where(a =>
            EF.Functions.Like(a.Name, pattern, escape)
            || EF.Functions.Like(a.Namespace, pattern, escape)
            || EF.Functions.Like(a.Environment, pattern, escape));

    internal override async Task<DbTransaction> BeginReadTransactionAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(context, cancellationToken);
        // Deferred: takes no lock; the WAL snapshot starts at the first read and holds until disposal.
        var transaction = connection.BeginTransaction(deferred: true);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    internal override async Task<DbTransaction> BeginWriteTransactionAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(context, cancellationToken);
        // BEGIN IMMEDIATE: the write lock is taken now, so a commit never fails half-way on a busy lock.
        var transaction = connection.BeginTransaction(deferred: false);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    // user_version is a free integer in the file header that SQLite keeps for applications; EF does not use it.
    internal override async Task<int> ReadDataVersionAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(context, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal override async Task WriteDataVersionAsync(CmfDbContext context, int version, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var connection = await OpenAsync(context, cancellationToken);
        await using var command = connection.CreateCommand();
        // PRAGMA takes no parameters; the value is an int checked above.
        command.CommandText = "PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // VACUUM rebuilds the file from the live rows only, so replaced text left in free pages is gone; the checkpoint
    // then copies it into the database file and truncates the WAL, whose old frames held the replaced rows too.
    internal override async Task EraseOverwrittenDataAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        var connection = await OpenAsync(context, cancellationToken);
        foreach (var sql in new[] { "PRAGMA wal_checkpoint(TRUNCATE);", "VACUUM;", "PRAGMA wal_checkpoint(TRUNCATE);" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        return (SqliteConnection)context.Database.GetDbConnection();
    }

    private static string BuildConnectionString(SqliteStoreOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        ForeignKeys = true,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
    }.ToString();
}
