namespace Cmf.Dashboard.Api;

/// <summary>CMF's <c>FlinkApplicationEvent</c>. The event id is its name.</summary>
public sealed record CmfEvent
{
    public string ApiVersion => "cmf.confluent.io/v1alpha1";

    public string Kind => "FlinkApplicationEvent";

    public required CmfEventMetadata Metadata { get; init; }

    public required CmfEventStatus Status { get; init; }
}

public sealed record CmfEventMetadata
{
    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string CreationTimestamp { get; init; }

    public string? FlinkApplicationInstance { get; init; }

    /// <summary>
    /// Only for an event the operator repeated (an error retried by a blocked upgrade): how often and when last, in
    /// CMF's free-form annotations, the one place its schema leaves for it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

/// <summary><c>type</c> is CMF_STATUS, CLUSTER_STATUS or JOB_STATUS.</summary>
public sealed record CmfEventStatus(string Message, string Type)
{
    public CmfEventData? Data { get; init; }
}

/// <summary>
/// CMF's <c>EventData</c> in its <c>EventDataNewStatus</c> form: the state a status event moved to (the job state of a
/// JOB_STATUS event, the lifecycle state of a lifecycle change). Absent when the event names none: CMF's generated
/// clients read <c>data</c> as whichever form has a member present, so an empty object would match neither.
/// </summary>
public sealed record CmfEventData(string NewStatus);
