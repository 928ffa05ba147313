namespace Cmf.Core.Model;

/// <summary>Flink job states as reported in <c>status.jobStatus.state</c>.</summary>
public enum JobState
{
    Unknown,
    Initializing,
    Created,
    Running,
    Failing,
    Cancelling,
    Restarting,
    Reconciling,
    Failed,
    Canceled,
    Finished,
    Suspended,
}

/// <summary>The operator's <c>status.lifecycleState</c>.</summary>
public enum LifecycleState
{
    Unknown,
    Created,
    Suspended,
    Upgrading,
    Deployed,
    Stable,
    RollingBack,
    RolledBack,
    Failed,
    Deleting,
    Deleted,
}

/// <summary>The operator's <c>status.reconciliationStatus.state</c>.</summary>
public enum ReconciliationState
{
    Unknown,
    Deployed,
    Upgrading,
    RollingBack,
    RolledBack,
}

/// <summary>The operator's <c>status.jobManagerDeploymentStatus</c>.</summary>
public enum JobManagerDeploymentStatus
{
    Unknown,
    Ready,
    DeployedNotReady,
    Deploying,
    Missing,
    Error,
}
