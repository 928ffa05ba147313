namespace Cmf.Core.Storage;

/// <summary>
/// Store limits (DESIGN 3.2 rule 5). Instance retention is decided by the tracker
/// (<c>TrackerSettings.MaxInstancesPerApplication</c>); events are trimmed here.
/// </summary>
public sealed record StoreOptions
{
    public int MaxEventsPerApplication { get; init; } = 100;

    /// <summary>
    /// Rows per multi-row statement, at most (the engine's parameter limit bounds it too); 1 writes row by row, one
    /// tracker result at a time, as the writer did before multi-row statements (the tests compare the two).
    /// </summary>
    internal int MaxRowsPerStatement { get; init; } = int.MaxValue;

    public static StoreOptions Default { get; } = new();
}
