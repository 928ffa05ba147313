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

    /// <summary>A read-only snapshot for the context's following queries; dispose to release it.</summary>
    internal abstract Task<DbTransaction> BeginReadTransactionAsync(CmfDbContext context, CancellationToken cancellationToken);

    /// <summary>The write transaction, holding the write lock from its start so that it never has to wait mid-way.</summary>
    internal abstract Task<DbTransaction> BeginWriteTransactionAsync(CmfDbContext context, CancellationToken cancellationToken);
}
