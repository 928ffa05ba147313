using System.Data;
using System.Data.Common;
using Cmf.Core.Feed;
using Cmf.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cmf.Core.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL engine, shared by several replicas: REPEATABLE READ snapshots for reads, one writer at a time through
/// a transaction-level advisory lock, the migrations in <c>PostgreSql/Migrations</c>, and commits that announce their
/// changes with NOTIFY (<see cref="PostgreSqlChangeListener"/> turns them into every replica's change feed).
/// </summary>
public sealed class PostgreSqlStoreProvider : StoreProvider
{
    // Any constant works, as long as every replica of one database uses the same: it names the store's single writer lock.
    private const long WriterLockKey = 0x434D465752495445; // "CMFWRITE"

    private static readonly string[] ErasedTables =
        ["Environments", "Applications", "Instances", "InstanceSpecs", "Clusters", "Events", "PrunedInstances"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly DbContextOptions<PostgreSqlCmfDbContext> _contextOptions;

    public PostgreSqlStoreProvider(PostgreSqlStoreOptions options)
        : this(options, [])
    {
    }

    internal PostgreSqlStoreProvider(PostgreSqlStoreOptions options, IReadOnlyList<IInterceptor> extraInterceptors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ConnectionString = options.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _contextOptions = new DbContextOptionsBuilder<PostgreSqlCmfDbContext>()
            .UseNpgsql(_dataSource)
            .AddInterceptors(extraInterceptors)
            .Options;
    }

    public string ConnectionString { get; }

    /// <summary>Every replica feeds its change feed from NOTIFY, the writer's own included.</summary>
    public override bool AnnouncesCommits => true;

    internal override string LockRowClause => " FOR UPDATE";

    internal override bool SortsNullsHigh => true;

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal override CmfDbContext CreateContext() => new PostgreSqlCmfDbContext(_contextOptions);

    // The wire protocol counts a statement's parameters in 16 bits.
    internal override int MaxParametersPerStatement => 65535;

    internal override async Task<DbTransaction> BeginReadTransactionAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(context, cancellationToken);
        // The snapshot is taken at the first statement and kept to the end, like a deferred transaction in WAL mode.
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    internal override async Task<DbTransaction> BeginWriteTransactionAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(context, cancellationToken);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        // SQLite's BEGIN IMMEDIATE: a second writer (a leader being replaced, a data pass) waits here, before it has
        // locked any row, so two writers never deadlock half-way; released at commit or rollback.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", WriterLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    internal override async Task AnnounceAsync(DbConnection connection, DbTransaction transaction, ChangeSet changes, CancellationToken cancellationToken)
    {
        // pg_notify inside the transaction: delivered to the listeners when it commits, in commit order, never on rollback.
        foreach (var payload in ChangeNotification.Encode(changes))
        {
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.AddWithValue("channel", ChangeNotification.Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // C-collated columns: ILIKE folds ASCII letters only, as SQLite's LIKE does.
    internal override IQueryable<StoredApplication> WhereTextMatches(IQueryable<StoredApplication> applications, string pattern, string escape) =>
        applications.Where(a =>
            EF.Functions.ILike(a.Name, pattern, escape)
            || EF.Functions.ILike(a.Namespace, pattern, escape)
            || EF.Functions.ILike(a.Environment, pattern, escape));

    internal override async Task<int> ReadDataVersionAsync(CmfDbContext context, CancellationToken cancellationToken) =>
        await ((PostgreSqlCmfDbContext)context).DataVersions.AsNoTracking()
            .Where(v => v.Id == StoredDataVersion.RowId)
            .Select(v => (int?)v.Version)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;

    internal override async Task WriteDataVersionAsync(CmfDbContext context, int version, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        await context.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "DataVersion" ("Id", "Version") VALUES ({StoredDataVersion.RowId}, {version})
            ON CONFLICT ("Id") DO UPDATE SET "Version" = excluded."Version"
            """, cancellationToken);
    }

    // VACUUM FULL writes each table anew from its live rows, so no dead row version in the table files keeps replaced
    // text. PostgreSQL cannot do more from inside: WAL segments not yet recycled, WAL archives, base backups and
    // streaming replicas still hold the old values until they age out (docs: Storage/README.md).
    internal override async Task EraseOverwrittenDataAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in ErasedTables)
        {
            await using var command = new NpgsqlCommand($"VACUUM FULL \"{table}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(CmfDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)context.Database.GetDbConnection();
    }
}
