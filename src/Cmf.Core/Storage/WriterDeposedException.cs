namespace Cmf.Core.Storage;

/// <summary>
/// A write refused because another replica claimed the writer epoch after this store did (it became leader while this
/// one still believed it was): nothing of the write was stored. The deposed writer must stop writing.
/// </summary>
public sealed class WriterDeposedException : Exception
{
    public WriterDeposedException()
    {
    }

    public WriterDeposedException(string message)
        : base(message)
    {
    }

    public WriterDeposedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal WriterDeposedException(string holder, long epoch, string currentHolder, long currentEpoch)
        : base($"'{holder}' is no longer the store's writer: it claimed writer epoch {epoch}, and '{currentHolder}' has since "
            + $"claimed epoch {currentEpoch}. Nothing of this write was stored.")
    {
        Holder = holder;
        Epoch = epoch;
        CurrentHolder = currentHolder;
        CurrentEpoch = currentEpoch;
    }

    /// <summary>The deposed writer.</summary>
    public string? Holder { get; }

    public long Epoch { get; }

    /// <summary>The writer that holds the epoch now.</summary>
    public string? CurrentHolder { get; }

    public long CurrentEpoch { get; }
}
