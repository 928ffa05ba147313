using Cmf.Core.Feed;
using Cmf.Core.Model;

namespace Cmf.Core.Storage;

/// <summary>What one committed batch changed, for the change feed.</summary>
/// <param name="Sequence">Increases by one with every commit that changed something; survives restarts.</param>
public sealed record CommitResult(
    long Sequence,
    IReadOnlyList<ApplicationKey> Applications,
    IReadOnlyList<string> NewInstanceUids,
    IReadOnlyList<string> ChangedInstanceUids,
    IReadOnlyList<string> PrunedInstanceUids,
    int EventCount)
{
    public bool IsEmpty => Applications.Count == 0;

    /// <summary>What the commit changed, for the change feed: its applications and its new, changed and pruned instances.</summary>
    public ChangeSet Changes() => new(Applications, [.. NewInstanceUids, .. ChangedInstanceUids, .. PrunedInstanceUids]);

    internal static CommitResult Nothing(long sequence) => new(sequence, [], [], [], [], 0);
}
