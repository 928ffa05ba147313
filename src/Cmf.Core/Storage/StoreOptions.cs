namespace Cmf.Core.Storage;

/// <summary>
/// Store limits (DESIGN 3.2 rule 5). Instance retention is decided by the tracker
/// (<c>TrackerSettings.MaxInstancesPerApplication</c>); events are trimmed here.
/// </summary>
public sealed record StoreOptions
{
    public int MaxEventsPerApplication { get; init; } = 100;

    public static StoreOptions Default { get; } = new();
}
