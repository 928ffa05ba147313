namespace Cmf.Dashboard.Model;

/// <summary>One physical Flink cluster (one JobManager Deployment) and the instance that owns it.</summary>
public sealed record ClusterSummary
{
    /// <summary>The JobManager Deployment's metadata.uid.</summary>
    public required string Uid { get; init; }

    public required string OwnerInstanceUid { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Null while the Deployment exists.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The deletion was not watched; the end is when we noticed the Deployment gone.</summary>
    public bool EndIsApproximate { get; init; }
}
