namespace Cmf.Core.Tracking;

/// <summary>How the owner of a cluster was decided (DESIGN 3.2 rule 2), strongest first.</summary>
public enum ClusterOwnerSource
{
    InstanceAnnotation,
    Rollback,
    GenerationAnnotation,
    LatestInstance,
}

/// <summary>One physical Flink cluster: one JobManager Deployment object, identified by its metadata.uid.</summary>
public sealed record ClusterState
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    public required string OwnerInstanceUid { get; init; }

    public required ClusterOwnerSource OwnerSource { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The end was not observed (the Deployment vanished while we were not watching).</summary>
    public bool EndIsApproximate { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>The Deployment's <c>flinkdeployment.flink.apache.org/generation</c> annotation.</summary>
    public long? Generation { get; init; }

    /// <summary>The Deployment type label: flink-native-kubernetes or flink-standalone-kubernetes.</summary>
    public string? DeploymentType { get; init; }
}
