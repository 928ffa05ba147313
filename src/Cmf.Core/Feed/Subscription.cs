namespace Cmf.Core.Feed;

/// <summary>An initial snapshot and the change batches that follow it. Enumerate <see cref="Changes"/> once.</summary>
public sealed record Subscription<TSnapshot>(TSnapshot Snapshot, IAsyncEnumerable<ChangeBatch> Changes);
