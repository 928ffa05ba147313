namespace Cmf.Dashboard.Api;

/// <summary>One physical Flink cluster (a JobManager Deployment): when it ran and which instance it ran.</summary>
public sealed record ClusterResource
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    public required string OwnerInstanceUid { get; init; }

    /// <summary>How the first owner was decided: instance annotation, generation annotation, latest instance, or rollback.</summary>
    public required string OwnerSource { get; init; }

    /// <summary>The instances it ran and since when, oldest first: two or more after an in-place hand-over.</summary>
    public required IReadOnlyList<ClusterSegmentResource> Segments { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The end was noticed after the fact (the Deployment was already gone), so it is an upper bound.</summary>
    public bool EndIsApproximate { get; init; }

    public long? Generation { get; init; }

    public string? DeploymentType { get; init; }
}

/// <summary>A stretch of a cluster's life during which it ran one instance.</summary>
public sealed record ClusterSegmentResource(string InstanceUid, DateTimeOffset From);

/// <summary>The clusters of one application, oldest first.</summary>
public sealed record ClusterList(string Environment, string Application, IReadOnlyList<ClusterResource> Items);
