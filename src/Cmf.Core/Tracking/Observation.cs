using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// One thing the watcher saw, already mapped from Kubernetes objects and reduced to what the tracker
/// needs. Observations are addressed to one application; a relist is split per application.
/// </summary>
public abstract record Observation(ApplicationKey Application, string Namespace);

/// <summary>A FlinkDeployment was added or modified.</summary>
public sealed record FlinkDeploymentObserved(ApplicationKey Application, string Namespace, FlinkDeploymentSnapshot Resource)
    : Observation(Application, Namespace);

/// <summary>A FlinkDeployment was deleted.</summary>
public sealed record FlinkDeploymentDeleted(ApplicationKey Application, string Namespace, string ObjectUid, string? ResourceVersion)
    : Observation(Application, Namespace);

/// <summary>
/// A JobManager Deployment (label component=jobmanager) was added or modified. <see cref="Replayed"/>: the
/// event happened while the dashboard was down and is replayed after a restart, so it was not seen when it happened.
/// </summary>
public sealed record JobManagerDeploymentObserved(ApplicationKey Application, string Namespace, JobManagerDeploymentSnapshot Deployment, bool Replayed = false)
    : Observation(Application, Namespace);

/// <summary>A JobManager Deployment was deleted: its cluster ends (at an approximate time when <see cref="Replayed"/>).</summary>
public sealed record JobManagerDeploymentDeleted(ApplicationKey Application, string Namespace, JobManagerDeploymentSnapshot Deployment, bool Replayed = false)
    : Observation(Application, Namespace);

/// <summary>A JobManager pod carrying the <c>platform.confluent.io/cmf-fa-instance</c> annotation.</summary>
public sealed record JobManagerPodObserved(ApplicationKey Application, string Namespace, string PodName, string InstanceUid)
    : Observation(Application, Namespace);

/// <summary>
/// A full list of FlinkDeployments was taken (start-up or after a 410). <see cref="Resource"/> is this
/// application's object in that list, or null when the list no longer holds it.
/// </summary>
public sealed record FlinkDeploymentRelisted(ApplicationKey Application, string Namespace, FlinkDeploymentSnapshot? Resource)
    : Observation(Application, Namespace);

/// <summary>
/// A full list of JobManager Deployments was taken; <see cref="Deployments"/> are this application's.
/// Clusters missing from it ended while nobody watched.
/// </summary>
public sealed record ClustersRelisted(ApplicationKey Application, string Namespace, IReadOnlyList<JobManagerDeploymentSnapshot> Deployments)
    : Observation(Application, Namespace);

/// <summary>A resource that could not be read (wrong types, missing fields, too large): recorded, then skipped.</summary>
public sealed record ResourceRejected(ApplicationKey Application, string Namespace, string Kind, string? ResourceVersion, string Reason)
    : Observation(Application, Namespace);

/// <summary>
/// A core/v1 Event the operator wrote, added or modified (a repeat bumps its count). Filed under the application it is
/// about: the FlinkDeployment it names, or the one the FlinkStateSnapshot it names belongs to. <see cref="Replayed"/>:
/// it came from a list or a replay, so it may have happened long before it was observed.
/// </summary>
public sealed record OperatorEventObserved(ApplicationKey Application, string Namespace, OperatorEventSnapshot Event, bool Replayed = false)
    : Observation(Application, Namespace);

/// <summary>
/// A FlinkStateSnapshot of the application's job was added or modified (deletions keep the recorded history).
/// <see cref="Replayed"/> as for <see cref="OperatorEventObserved"/>.
/// </summary>
public sealed record FlinkStateSnapshotObserved(ApplicationKey Application, string Namespace, FlinkStateSnapshotResource Snapshot, bool Replayed = false)
    : Observation(Application, Namespace);
