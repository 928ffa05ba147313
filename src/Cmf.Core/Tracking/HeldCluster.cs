namespace Cmf.Core.Tracking;

/// <summary>A JobManager Deployment waiting for its FlinkDeployment generation; <see cref="DeletedAt"/> if it already went away.</summary>
public sealed record HeldCluster(JobManagerDeploymentSnapshot Deployment, DateTimeOffset SeenAt, DateTimeOffset? DeletedAt = null);
