using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// What an instance's outcome is decided from: the application's retained instances and clusters, the instance the
/// live cluster runs, the one the operator has not reconciled yet and the one its error episode holds back. The
/// tracker builds it from its state, the pages from the history they read, so both apply the same rules.
/// </summary>
public sealed record OutcomeHistory(
    IReadOnlyList<OutcomeInstance> Instances,
    IReadOnlyList<OutcomeCluster> Clusters,
    string? CurrentInstanceUid,
    string? PendingInstanceUid,
    string? BlockedInstanceUid)
{
    public static OutcomeHistory Of(ApplicationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            [.. state.Instances.Select(OutcomeInstance.Of)],
            [.. state.Clusters.Select(OutcomeCluster.Of)],
            state.CurrentInstanceUid,
            state.PendingInstance?.Uid,
            state.ErrorEpisode?.PendingInstanceUid);
    }
}

/// <summary>The facts of one instance its outcome depends on.</summary>
public sealed record OutcomeInstance
{
    public static OutcomeInstance Of(InstanceState instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new()
        {
            Uid = instance.Uid,
            Sequence = instance.Sequence,
            SpecHash = instance.SpecHash,
            CreatedAt = instance.CreatedAt,
            SupersededAt = instance.SupersededAt,
            ReconciledAt = instance.ReconciledAt,
            JobState = instance.JobState,
            LifecycleState = instance.LifecycleState,
            Stop = instance.Stop,
        };
    }

    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    /// <summary>Equal hashes mean equal specs (a revert); null when not known.</summary>
    public string? SpecHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    public DateTimeOffset? ReconciledAt { get; init; }

    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public InstanceStop Stop { get; init; }
}

/// <summary>The facts of one cluster the outcomes depend on: who ran on it, from when to when, and whether it is a rollback's.</summary>
public sealed record OutcomeCluster
{
    public static OutcomeCluster Of(ClusterState cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new()
        {
            Uid = cluster.Uid,
            OwnerInstanceUid = cluster.OwnerInstanceUid,
            Segments = cluster.Segments,
            OwnerSource = cluster.OwnerSource,
            StartedAt = cluster.StartedAt,
            EndedAt = cluster.EndedAt,
        };
    }

    public required string Uid { get; init; }

    public required string OwnerInstanceUid { get; init; }

    /// <summary>Who ran on it and since when, oldest first; empty means its owner alone.</summary>
    public IReadOnlyList<ClusterSegment> Segments { get; init; } = [];

    public ClusterOwnerSource OwnerSource { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
