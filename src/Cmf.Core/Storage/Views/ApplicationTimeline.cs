using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>What the timeline draws: instance lifetimes and cluster lifetimes, oldest first.</summary>
public sealed record ApplicationTimeline(ApplicationKey Application, IReadOnlyList<TimelineInstance> Instances, IReadOnlyList<ClusterSummary> Clusters)
{
    /// <summary>FlinkStateSnapshots in the range, oldest first: marks on the instance bars.</summary>
    public IReadOnlyList<SnapshotView> Snapshots { get; init; } = [];
}

/// <summary>An instance bar: from creation until superseded and no cluster runs it (DESIGN 3.2 rule 7).</summary>
public sealed record TimelineInstance
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    /// <summary>Equal hashes mean equal effective specs: a revert shows as a newer instance with an older one's hash.</summary>
    public string? SpecHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public InstanceStop Stop { get; init; }

    public string? StopSavepointPath { get; init; }

    public DateTimeOffset? ReconciledAt { get; init; }
}

/// <summary>A closed time range; items that overlap it are included.</summary>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To);
