using Cmf.Core.Model;

namespace Cmf.Core.Storage.Views;

/// <summary>One event of an application; <see cref="Id"/> grows with every event committed.</summary>
public sealed record EventView
{
    public long Id { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public AppEventKind Kind { get; init; }

    /// <summary>CMF_STATUS, CLUSTER_STATUS or JOB_STATUS.</summary>
    public required string CmfType { get; init; }

    public required string Message { get; init; }

    public string? InstanceUid { get; init; }

    public string? ClusterUid { get; init; }

    public string? NewStatus { get; init; }

    /// <summary>How often it happened (an error episode counts the operator's retries); <see cref="Timestamp"/> is the first time.</summary>
    public int Count { get; init; } = 1;

    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>For an operator event: its reason (SpecChanged, SavepointError, ...).</summary>
    public string? Reason { get; init; }

    /// <summary>For an operator event: Normal or Warning.</summary>
    public string? EventType { get; init; }

    /// <summary>For an operator event: the component that reported it.</summary>
    public string? Source { get; init; }

    public bool IsOperatorEvent => Kind == AppEventKind.OperatorEvent;
}
