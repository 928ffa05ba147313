namespace Cmf.Core.Tracking;

/// <summary>
/// One core/v1 Event the operator wrote about a FlinkDeployment or a FlinkStateSnapshot, as read from the cluster.
/// The API server keeps one object per repeated event and bumps its <see cref="Count"/> and <see cref="LastSeen"/>.
/// </summary>
public sealed record OperatorEventSnapshot
{
    /// <summary>The Event object's identity (metadata.uid, else namespace/name): one stored row per Event object.</summary>
    public required string Identity { get; init; }

    /// <summary>involvedObject.kind: FlinkDeployment or FlinkStateSnapshot.</summary>
    public required string InvolvedKind { get; init; }

    public required string InvolvedName { get; init; }

    /// <summary>SpecChanged, Submit, JobStatusChanged, SavepointError, ...</summary>
    public required string Reason { get; init; }

    /// <summary>Normal or Warning.</summary>
    public required string Type { get; init; }

    /// <summary>source.component (FKO: Operator, JobManagerDeployment, Job), else reportingComponent.</summary>
    public string? Source { get; init; }

    /// <summary>Scrubbed of secrets by the mapper.</summary>
    public required string Message { get; init; }

    public int Count { get; init; } = 1;

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public bool AboutSnapshot => InvolvedKind == FlinkStateSnapshotResource.Kind;
}
