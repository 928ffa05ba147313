namespace Cmf.Core.Feed;

/// <summary>The change batches that follow a subscriber's first read. Enumerate <see cref="Changes"/> once.</summary>
public sealed record Subscription(IAsyncEnumerable<ChangeBatch> Changes);
