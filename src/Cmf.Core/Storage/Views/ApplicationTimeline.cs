using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>What the timeline draws: instance lifetimes and cluster lifetimes, oldest first.</summary>
public sealed record ApplicationTimeline(ApplicationKey Application, IReadOnlyList<InstanceState> Instances, IReadOnlyList<ClusterState> Clusters)
{
    /// <summary>FlinkStateSnapshots in the range, oldest first: marks on the instance bars.</summary>
    public IReadOnlyList<SnapshotView> Snapshots { get; init; } = [];
}

/// <summary>A closed time range; items that overlap it are included.</summary>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To);
