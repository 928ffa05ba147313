using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>The application's latest observed status, as the operator wrote it.</summary>
public sealed record ApplicationStatus
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

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>When anything about the application last changed (instances, clusters, status).</summary>
    public DateTimeOffset? LastChangeAt { get; init; }
}
