namespace Cmf.Core.Feed;

/// <summary>How the change feed batches for its subscribers (<c>Cmf:Feed</c>).</summary>
public sealed class FeedOptions
{
    /// <summary>Changes arriving within this window reach a subscriber as one batch.</summary>
    public int CoalesceMilliseconds { get; set; } = 100;

    /// <summary>Distinct keys a subscriber may have pending before it is told to resync instead.</summary>
    public int MaxPendingKeys { get; set; } = 2_000;
}
