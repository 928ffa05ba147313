using System.Data.Common;

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
    /// values with rules that live in code, see <c>Writing/SecretResealing</c>). 0 for a store no pass has seen.
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
}
