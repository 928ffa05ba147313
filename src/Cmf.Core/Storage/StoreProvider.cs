using System.Data.Common;
using Cmf.Core.Feed;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Writing;

namespace Cmf.Core.Storage;

/// <summary>
/// Everything that differs between database engines: connections, settings, migrations and how a
/// transaction is begun. The store and the queries use only this and standard SQL.
/// </summary>
public abstract class StoreProvider : IAsyncDisposable
{
    /// <summary>Applies engine settings and the committed migrations; safe to call on every start.</summary>
    public abstract Task PrepareAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    internal abstract CmfDbContext CreateContext();

    /// <summary>
    /// What the rows were last converted to by a data pass (a migration changes the schema; a data pass rewrites
    /// values with rules that live in code, see <c>Writing/SecretFingerprintRefresh</c>). 0 for a store no pass has seen.
    /// </summary>
    internal abstract Task<int> ReadDataVersionAsync(CmfDbContext context, CancellationToken cancellationToken);

    internal abstract Task WriteDataVersionAsync(CmfDbContext context, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites the store's files so that no free page or log keeps a value that was overwritten (after a pass that
    /// removed secrets). Call with no transaction open.
    /// </summary>
    internal abstract Task EraseOverwrittenDataAsync(CancellationToken cancellationToken);

    /// <summary>A read-only snapshot for the context's following queries; dispose to release it.</summary>
    internal abstract Task<DbTransaction> BeginReadTransactionAsync(CmfDbContext context, CancellationToken cancellationToken);

    /// <summary>The write transaction, holding the write lock from its start so that it never has to wait mid-way.</summary>
    internal abstract Task<DbTransaction> BeginWriteTransactionAsync(CmfDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// True when a commit tells every replica's change feed itself (PostgreSQL's NOTIFY, delivered by
    /// <see cref="PostgreSql.PostgreSqlChangeListener"/>); false when the writer's process must publish to its own feed.
    /// </summary>
    public abstract bool AnnouncesCommits { get; }

    /// <summary>Announces the changes of the open write transaction, to be delivered when (and only if) it commits.</summary>
    internal virtual Task AnnounceAsync(DbConnection connection, DbTransaction transaction, ChangeSet changes, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Appended to the write transaction's read of the <see cref="StoredWriterEpoch"/> row to lock it until commit; empty
    /// where the write transaction already excludes every other writer (SQLite).
    /// </summary>
    internal virtual string LockRowClause => "";

    /// <summary>The applications whose name, namespace or environment matches a LIKE pattern, ASCII letters in any case.</summary>
    internal abstract IQueryable<StoredApplication> WhereTextMatches(IQueryable<StoredApplication> applications, string pattern, string escape);

    /// <summary>
    /// True when the engine sorts NULL after every value in ascending order (PostgreSQL); the queries then order by
    /// "has a value" first, so every engine gives SQLite's order (NULL first ascending, last descending).
    /// </summary>
    internal virtual bool SortsNullsHigh => false;

    /// <summary>The most parameters one statement may bind (the writer's multi-row statements stay within it).</summary>
    internal abstract int MaxParametersPerStatement { get; }

    /// <summary>A prepared statement of the writer inside <paramref name="transaction"/>, its parameters bound by position.</summary>
    internal virtual WriterCommand CreateWriterCommand(DbConnection connection, DbTransaction transaction, string sql, WriterParameters parameters) =>
        new AdoWriterCommand(connection, transaction, sql, parameters);

    /// <summary>The parameters per statement the writer aims at: at most the limit, less where binding many costs more than it saves.</summary>
    internal virtual int ParametersPerStatement => MaxParametersPerStatement;
}
