namespace Cmf.Core.Storage.Writing;

/// <summary>
/// One prepared statement of the writer, inside its write transaction, with its parameters bound by position: the
/// i-th value goes to the i-th name given when it was made (<see cref="StoreProvider.CreateWriterCommand"/>). Values
/// come already converted as the EF model stores them (<see cref="DBNull"/> for null). Reused for every execution of
/// the transaction, so the engine prepares it once.
/// </summary>
internal abstract class WriterCommand : IAsyncDisposable
{
    /// <summary>Sets the parameter at <paramref name="position"/> (0-based, in the order of the names given).</summary>
    public abstract void Bind(int position, object value);

    /// <summary>Runs the statement; returns the rows it changed.</summary>
    public abstract Task<int> ExecuteAsync(CancellationToken cancellationToken);

    /// <summary>Runs the statement; returns the first column of its first row, null when it gave none.</summary>
    public abstract Task<object?> ScalarAsync(CancellationToken cancellationToken);

    /// <summary>Runs the statement and adds every row it gives to <paramref name="rows"/>, one array of values per row.</summary>
    public abstract Task ReadRowsAsync(List<object[]> rows, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
