using System.Collections.Immutable;

namespace Cmf.Core.Tracking;

/// <summary>How the owner of a cluster was decided (DESIGN 3.2 rule 2), strongest first.</summary>
public enum ClusterOwnerSource
{
    InstanceAnnotation,
    Rollback,
    GenerationAnnotation,

    /// <summary>
    /// No generation annotation: FKO's recovery and restart redeploy with the observe config, which has none
    /// (<c>AbstractJobReconciler.resubmitJob</c>); the cluster runs what the operator had reconciled.
    /// </summary>
    ObservedGeneration,
    LatestInstance,
}

/// <summary>One physical Flink cluster: one JobManager Deployment object, identified by its metadata.uid.</summary>
public sealed record ClusterState
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    /// <summary>The instance the cluster runs now (or ran last): the last of <see cref="Segments"/>.</summary>
    public required string OwnerInstanceUid { get; init; }

    public required ClusterOwnerSource OwnerSource { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Who ran on it and since when, oldest first; one segment unless it was handed over in place.</summary>
    public ImmutableList<ClusterSegment> Segments { get; init; } = [];

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The end was not observed (the Deployment vanished while we were not watching).</summary>
    public bool EndIsApproximate { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>The Deployment's <c>flinkdeployment.flink.apache.org/generation</c> annotation.</summary>
    public long? Generation { get; init; }

    /// <summary>The Deployment type label: flink-native-kubernetes or flink-standalone-kubernetes.</summary>
    public string? DeploymentType { get; init; }

    /// <summary>
    /// The instance it ran the last time the operator reported lifecycle STABLE on it: a rollback runs that
    /// instance's spec again (<c>ReconciliationUtils.checkAndUpdateStableSpec</c> marks a spec stable then).
    /// </summary>
    public string? StableInstanceUid { get; init; }

    /// <summary>
    /// The operator began to move off this cluster (an upgrade to a newer generation, or it reported the JobManager
    /// missing): it is going away and is never handed over in place.
    /// </summary>
    public bool Departing { get; init; }

    /// <summary>Every instance that ran on it, in order.</summary>
    public IEnumerable<string> InstanceUids => Segments.IsEmpty ? [OwnerInstanceUid] : Segments.Select(s => s.InstanceUid);

    public bool Ran(string instanceUid) => OwnerInstanceUid == instanceUid || Segments.Exists(s => s.InstanceUid == instanceUid);

    // Records compare lists by reference; a cluster read back from the store must equal the one that was written.
    public bool Equals(ClusterState? other) =>
        other is not null
        && Uid == other.Uid && Name == other.Name && OwnerInstanceUid == other.OwnerInstanceUid && OwnerSource == other.OwnerSource
        && StartedAt == other.StartedAt && EndedAt == other.EndedAt && EndIsApproximate == other.EndIsApproximate
        && ResourceVersion == other.ResourceVersion && Generation == other.Generation && DeploymentType == other.DeploymentType
        && StableInstanceUid == other.StableInstanceUid && Departing == other.Departing
        && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(Uid, OwnerInstanceUid, StartedAt, EndedAt, Segments.Count);
}
