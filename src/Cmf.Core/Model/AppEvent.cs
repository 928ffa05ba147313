namespace Cmf.Core.Model;

/// <summary>What happened to an application.</summary>
public enum AppEventKind
{
    InstanceCreated,
    CurrentInstanceChanged,
    ClusterStarted,
    ClusterEnded,
    ClusterHandedOver,
    JobStateChanged,
    LifecycleChanged,
    ErrorSet,
    ErrorCleared,
    ObjectDeleted,
    ObjectRecreated,
    ResourceRejected,

    /// <summary>A Kubernetes Event the operator wrote about the FlinkDeployment or one of its FlinkStateSnapshots.</summary>
    OperatorEvent,
}

/// <summary>One entry of an application's event history.</summary>
public sealed record AppEvent(DateTimeOffset Timestamp, AppEventKind Kind, string Message)
{
    public string? InstanceUid { get; init; }

    public string? ClusterUid { get; init; }

    /// <summary>The new state for status changes (a job state, a lifecycle state), as the operator spells it.</summary>
    public string? NewStatus { get; init; }

    /// <summary>
    /// Set on an event that is updated in place as the same thing keeps happening (an error episode): an event with
    /// a key already stored replaces that row instead of adding one.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>How often it happened: more than 1 only for keyed events.</summary>
    public int Count { get; init; } = 1;

    /// <summary>When it last happened, for keyed events; <see cref="Timestamp"/> is when it first did.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>The operator's reason for an <see cref="AppEventKind.OperatorEvent"/>: SpecChanged, Submit, SavepointError, ...</summary>
    public string? Reason { get; init; }

    /// <summary>The Kubernetes event type of an operator event: Normal or Warning.</summary>
    public string? EventType { get; init; }

    /// <summary>The component that reported an operator event (the Event's source.component).</summary>
    public string? Source { get; init; }

    /// <summary>CMF's event type: CMF_STATUS, CLUSTER_STATUS or JOB_STATUS.</summary>
    public string CmfType => Kind switch
    {
        AppEventKind.ClusterStarted or AppEventKind.ClusterEnded or AppEventKind.ClusterHandedOver => "CLUSTER_STATUS",
        AppEventKind.JobStateChanged => "JOB_STATUS",
        _ => "CMF_STATUS",
    };
}
