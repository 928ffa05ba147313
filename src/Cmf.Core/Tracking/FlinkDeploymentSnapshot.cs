using Cmf.Core.Attribution;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Tracking;

/// <summary>What the tracker reads of one FlinkDeployment object.</summary>
public sealed record FlinkDeploymentSnapshot
{
    public required string ObjectUid { get; init; }

    public required string ResourceVersion { get; init; }

    public required long Generation { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public required SpecVersion Spec { get; init; }

    public FlinkDeploymentStatusSnapshot Status { get; init; } = new();

    /// <summary>Who wrote this generation's spec; read with the first observation of each generation (see the mapper).</summary>
    public ChangeAttribution? Attribution { get; init; }
}

/// <summary>The parts of <c>status</c> the tracker acts on.</summary>
public sealed record FlinkDeploymentStatusSnapshot
{
    public JobState? JobState { get; init; }

    public string? JobId { get; init; }

    public string? JobName { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public JobManagerDeploymentStatus? JobManagerDeploymentStatus { get; init; }

    public ReconciliationState? ReconciliationState { get; init; }

    public string? Error { get; init; }

    public long? ObservedGeneration { get; init; }

    public string? UpgradeSavepointPath { get; init; }
}

/// <summary>What the tracker reads of one JobManager Deployment.</summary>
public sealed record JobManagerDeploymentSnapshot
{
    public required string Uid { get; init; }

    public required string Name { get; init; }

    public string? ResourceVersion { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary><c>flinkdeployment.flink.apache.org/generation</c>.</summary>
    public long? GenerationAnnotation { get; init; }

    /// <summary><c>platform.confluent.io/cmf-fa-instance</c> on the pod template.</summary>
    public string? InstanceAnnotation { get; init; }

    /// <summary>The <c>type</c> label: flink-native-kubernetes or flink-standalone-kubernetes.</summary>
    public string? DeploymentType { get; init; }
}
