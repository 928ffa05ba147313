using System.Text.Json.Nodes;

namespace Cmf.Core.Kubernetes;

/// <summary>The three kinds of object the watcher follows.</summary>
public enum ResourceKind
{
    FlinkDeployment,
    JobManagerDeployment,
    JobManagerPod,
}

/// <summary>What a watch loop hands the pipeline: a full list, or one change.</summary>
public abstract record WatchSignal(ResourceKind Kind, string? Namespace);

/// <summary>A complete list of the kind in <see cref="WatchSignal.Namespace"/> (null: every namespace).</summary>
public sealed record ResourceListed(ResourceKind Kind, string? Namespace, IReadOnlyList<JsonObject> Items)
    : WatchSignal(Kind, Namespace);

/// <summary>One ADDED, MODIFIED or DELETED event.</summary>
public sealed record ResourceChanged(ResourceKind Kind, string? Namespace, WatchEventKind Type, JsonObject Object)
    : WatchSignal(Kind, Namespace);

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
}
