namespace Cmf.Core.Kubernetes;

/// <summary>The kinds of object the watcher follows.</summary>
public enum ResourceKind
{
    FlinkDeployment,
    JobManagerDeployment,
    JobManagerPod,
    FlinkStateSnapshot,

    /// <summary>A core/v1 Event about a FlinkDeployment (the operator's events).</summary>
    FlinkDeploymentEvent,

    /// <summary>A core/v1 Event about a FlinkStateSnapshot.</summary>
    FlinkStateSnapshotEvent,
}

/// <summary>What a watch loop hands the pipeline: a full list, or one change.</summary>
public abstract record WatchSignal(ResourceKind Kind, string? Namespace);

/// <summary>A complete list of the kind in <see cref="WatchSignal.Namespace"/> (null: every namespace).</summary>
public sealed record ResourceListed(ResourceKind Kind, string? Namespace, IReadOnlyList<ApiObject> Items, string ResourceVersion)
    : WatchSignal(Kind, Namespace);

/// <summary>One ADDED, MODIFIED or DELETED event; <see cref="Replayed"/> when it happened before this process was watching.</summary>
public sealed record ResourceChanged(ResourceKind Kind, string? Namespace, WatchEventKind Type, ApiObject Object, string? ResourceVersion, bool Replayed = false)
    : WatchSignal(Kind, Namespace);

/// <summary>
/// A watch resumed from the position stored at the last commit has replayed everything that happened while
/// nobody watched: from here on it is as current as a fresh list would be.
/// </summary>
public sealed record ResourceCaughtUp(ResourceKind Kind, string? Namespace)
    : WatchSignal(Kind, Namespace);

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
}
