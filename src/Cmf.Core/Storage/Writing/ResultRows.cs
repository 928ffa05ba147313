using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The rows one tracker result changes, found once per commit: each is a comparison of the state's lists before and
/// after, which cutting the batch into segments (<see cref="CommitSegments"/>) and writing it would otherwise both
/// repeat. A list the tracker left as it was (the same object) changes nothing, so it costs nothing here.
/// </summary>
internal sealed class ResultRows
{
    private ResultRows(TrackerResult result)
    {
        Result = result;
        var (before, after) = (result.Previous, result.State);
        ChangedInstances = [.. result.ChangedInstances()];
        ChangedClusters = [.. result.ChangedClusters()];
        RemovedClusters = ReferenceEquals(before.Clusters, after.Clusters) ? [] : [.. result.RemovedClusters()];
        ChangedSnapshots = [.. result.ChangedSnapshots()];
        RemovedSnapshots = ReferenceEquals(before.Snapshots, after.Snapshots) ? [] : [.. result.RemovedSnapshots()];
    }

    public TrackerResult Result { get; }

    public ApplicationState State => Result.State;

    public IReadOnlyList<InstanceState> ChangedInstances { get; }

    public IReadOnlyList<ClusterState> ChangedClusters { get; }

    public IReadOnlyList<ClusterState> RemovedClusters { get; }

    public IReadOnlyList<SnapshotState> ChangedSnapshots { get; }

    public IReadOnlyList<SnapshotState> RemovedSnapshots { get; }

    public static List<ResultRows> Of(IEnumerable<TrackerResult> results) => [.. results.Select(r => new ResultRows(r))];
}
