namespace Cmf.Dashboard.Api;

/// <summary>One physical Flink cluster (a JobManager Deployment): when it ran and which instance it ran.</summary>
public sealed record ClusterResource
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    public required string OwnerInstanceUid { get; init; }

    /// <summary>How the owner was decided: instance annotation, generation annotation, latest instance, or last stable spec.</summary>
    public required string OwnerSource { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The end was noticed after the fact (the Deployment was already gone), so it is an upper bound.</summary>
    public bool EndIsApproximate { get; init; }

    public long? Generation { get; init; }

    public string? DeploymentType { get; init; }
}

/// <summary>The clusters of one application, oldest first.</summary>
public sealed record ClusterList(string Environment, string Application, IReadOnlyList<ClusterResource> Items);
