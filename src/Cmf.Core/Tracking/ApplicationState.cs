using System.Collections.Immutable;
using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// Everything the tracker needs to know about one application: small on purpose (spec texts live in
/// the store, the state keeps only their hashes) so that thousands of applications fit in memory.
/// </summary>
public sealed record ApplicationState
{
    public required ApplicationKey Key { get; init; }

    public required string Namespace { get; init; }

    /// <summary>metadata.uid of the FlinkDeployment object last seen; kept after deletion.</summary>
    public string? ObjectUid { get; init; }

    /// <summary>resourceVersion of the FlinkDeployment object last applied (stale and duplicate events are ignored).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>metadata.generation of the FlinkDeployment object last applied.</summary>
    public long Generation { get; init; }

    /// <summary>True once the FlinkDeployment object was deleted (and not re-created since).</summary>
    public bool ObjectDeleted { get; init; }

    /// <summary>"{kind}@{resourceVersion}" of the last resource rejected as unreadable, so a re-sent bad object is reported once.</summary>
    public string? LastRejection { get; init; }

    /// <summary>Highest sequence number ever given, pruned instances included.</summary>
    public int LastSequence { get; init; }

    /// <summary>Retained instances, oldest first (ascending sequence).</summary>
    public ImmutableList<InstanceState> Instances { get; init; } = [];

    /// <summary>Retained clusters, oldest first.</summary>
    public ImmutableList<ClusterState> Clusters { get; init; } = [];

    public ApplicationStatus Status { get; init; } = new();

    /// <summary>The error the operator keeps reporting, open or dormant (cleared but expected back); null when none.</summary>
    public ErrorEpisode? ErrorEpisode { get; init; }

    /// <summary>
    /// JobManager Deployments seen before the FlinkDeployment generation they were made for (the two arrive on
    /// separate watches). Held until that generation is seen, so their owner is decided with it. Not stored:
    /// after a restart the relist brings them back.
    /// </summary>
    public ImmutableList<HeldCluster> HeldClusters { get; init; } = [];

    /// <summary>FlinkStateSnapshots of the application's job, oldest first (bounded by <see cref="TrackerSettings.MaxSnapshotsPerApplication"/>).</summary>
    public ImmutableList<SnapshotState> Snapshots { get; init; } = [];

    /// <summary>
    /// Count and last time of the operator Events recorded lately, by event key, so a relist or a re-sent event records
    /// nothing new. Not stored: after a restart a re-sent event rewrites its own row (keyed), which changes nothing.
    /// </summary>
    public ImmutableDictionary<string, OperatorEventSeen> OperatorEvents { get; init; } = NoOperatorEvents;

    private static readonly ImmutableDictionary<string, OperatorEventSeen> NoOperatorEvents =
        ImmutableDictionary<string, OperatorEventSeen>.Empty.WithComparers(StringComparer.Ordinal);

    public InstanceState? LatestInstance => Instances.Count == 0 ? null : Instances[^1];

    /// <summary>The newest cluster that has not ended.</summary>
    public ClusterState? LiveCluster => Clusters.LastOrDefault(c => c.EndedAt is null);

    /// <summary>The instance the live cluster runs (CMF's currentDeployedInstanceName); null when no cluster is live.</summary>
    public string? CurrentInstanceUid => LiveCluster?.OwnerInstanceUid;

    /// <summary>
    /// The latest instance while the operator has not reconciled its generation (DESIGN 3.2 rule 5): FKO advances
    /// <c>status.observedGeneration</c> only once it took a generation on.
    /// </summary>
    public InstanceState? PendingInstance =>
        LatestInstance is { } latest && !ObjectDeleted && latest.ObjectUid == ObjectUid && (Status.Reported.ObservedGeneration ?? 0) < latest.Generation
            ? latest
            : null;

    public InstanceState? FindInstance(string uid) => Instances.Find(i => i.Uid == uid);

    public SnapshotState? FindSnapshot(string name) => Snapshots.Find(s => s.Name == name);

    public ClusterState? FindCluster(string uid) => Clusters.Find(c => c.Uid == uid);

    public static ApplicationState Empty(ApplicationKey key, string @namespace) => new() { Key = key, Namespace = @namespace };
}

/// <summary>What the tracker remembers of a recorded operator Event: enough to tell a repeat from a re-send.</summary>
public sealed record OperatorEventSeen(int Count, DateTimeOffset LastSeen, string Message, string? InstanceUid);
