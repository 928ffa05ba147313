using Cmf.Core.Model;

namespace Cmf.Core.Storage.Entities;

/// <summary>One event of an application; <see cref="Id"/> orders events as they were committed.</summary>
internal sealed class StoredEvent
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public AppEventKind Kind { get; set; }

    public required string CmfType { get; set; }

    public required string Message { get; set; }

    public string? InstanceUid { get; set; }

    public string? ClusterUid { get; set; }

    public string? NewStatus { get; set; }

    /// <summary>Set on an event updated in place (an error episode); unique per application.</summary>
    public string? Key { get; set; }

    public int Count { get; set; } = 1;

    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>An operator event's reason (SpecChanged, SavepointError, ...).</summary>
    public string? Reason { get; set; }

    /// <summary>An operator event's Kubernetes type: Normal or Warning.</summary>
    public string? EventType { get; set; }

    /// <summary>An operator event's reporting component.</summary>
    public string? Source { get; set; }
}
