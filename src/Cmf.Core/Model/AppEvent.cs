namespace Cmf.Core.Model;

/// <summary>What happened to an application.</summary>
public enum AppEventKind
{
    InstanceCreated,
    CurrentInstanceChanged,
    ClusterStarted,
    ClusterEnded,
    JobStateChanged,
    LifecycleChanged,
    ErrorSet,
    ErrorCleared,
    ObjectDeleted,
    ObjectRecreated,
    ResourceRejected,
}

/// <summary>One entry of an application's event history.</summary>
public sealed record AppEvent(DateTimeOffset Timestamp, AppEventKind Kind, string Message)
{
    public string? InstanceUid { get; init; }

    public string? ClusterUid { get; init; }

    /// <summary>The new state for status changes (a job state, a lifecycle state), as the operator spells it.</summary>
    public string? NewStatus { get; init; }

    /// <summary>CMF's event type: CMF_STATUS, CLUSTER_STATUS or JOB_STATUS.</summary>
    public string CmfType => Kind switch
    {
        AppEventKind.ClusterStarted or AppEventKind.ClusterEnded => "CLUSTER_STATUS",
        AppEventKind.JobStateChanged => "JOB_STATUS",
        _ => "CMF_STATUS",
    };
}
