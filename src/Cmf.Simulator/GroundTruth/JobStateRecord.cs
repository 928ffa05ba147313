namespace Cmf.Simulator.GroundTruth;

/// <summary>
/// The operator wrote a new <c>status.jobStatus.state</c>. <see cref="DeploymentUid"/> is the JobManager
/// Deployment alive at that moment (null when none was).
/// </summary>
public sealed record JobStateRecord(
    string Namespace,
    string Name,
    string ObjectUid,
    string State,
    string? DeploymentUid,
    long? ObservedGeneration,
    DateTimeOffset Time,
    long ResourceVersion);
