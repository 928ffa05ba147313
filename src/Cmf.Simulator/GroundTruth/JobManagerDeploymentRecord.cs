namespace Cmf.Simulator.GroundTruth;

/// <summary>A JobManager Deployment (one physical Flink cluster) was created or deleted.</summary>
public sealed record JobManagerDeploymentRecord(
    string Namespace,
    string ApplicationName,
    string DeploymentUid,
    JobManagerDeploymentChange Change,
    long? GenerationAnnotation,
    string? InstanceAnnotation,
    string? FlinkDeploymentUid,
    DateTimeOffset Time,
    long ResourceVersion);

/// <summary>What happened to a JobManager Deployment.</summary>
public enum JobManagerDeploymentChange
{
    Created,
    Deleted,
}
