using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>One physical Flink cluster (one JobManager Deployment) and the instances it ran.</summary>
public sealed record ClusterSummary
{
    /// <summary>The JobManager Deployment's metadata.uid.</summary>
    public required string Uid { get; init; }

    /// <summary>The Deployment's name (the FlinkDeployment's).</summary>
    public string? Name { get; init; }

    /// <summary>The instance it runs now, or ran last.</summary>
    public required string OwnerInstanceUid { get; init; }

    /// <summary>The instances it ran and since when, oldest first; two or more after an in-place hand-over.</summary>
    public IReadOnlyList<ClusterSegment> Segments { get; init; } = [];

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Null while the Deployment exists.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The deletion was not watched; the end is when we noticed the Deployment gone.</summary>
    public bool EndIsApproximate { get; init; }

    /// <summary>The generation annotation the operator put on the Deployment.</summary>
    public long? Generation { get; init; }

    /// <summary><c>flink-native-kubernetes</c> or <c>flink-standalone-kubernetes</c>.</summary>
    public string? DeploymentType { get; init; }

    /// <summary>How the first owner was decided (DESIGN 3.2 rule 2); <see cref="ClusterOwnerSource.Rollback"/> marks a rollback's cluster.</summary>
    public ClusterOwnerSource OwnerSource { get; init; }

    /// <summary>How the owner was decided, in words.</summary>
    public string? OwnerReason { get; init; }

    public bool Ran(string instanceUid) => OwnerInstanceUid == instanceUid || Segments.Any(s => s.InstanceUid == instanceUid);
}
