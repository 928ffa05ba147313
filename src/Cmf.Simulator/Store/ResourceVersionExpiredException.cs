namespace Cmf.Simulator.Store;

/// <summary>A watch asked to resume from a version the store no longer retains.</summary>
internal sealed class ResourceVersionExpiredException(long requested, long oldestAvailable)
    : Exception($"too old resource version: {requested} ({oldestAvailable})")
{
    public long Requested { get; } = requested;

    public long OldestAvailable { get; } = oldestAvailable;
}
