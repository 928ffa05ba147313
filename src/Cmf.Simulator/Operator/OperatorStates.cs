namespace Cmf.Simulator.Operator;

/// <summary>Flink job states as the operator writes them to status.jobStatus.state.</summary>
internal static class OperatorJobStates
{
    public const string Reconciling = "RECONCILING";
    public const string Running = "RUNNING";
    public const string Finished = "FINISHED";
    public const string Failed = "FAILED";
    public const string Canceled = "CANCELED";
    public const string Cancelling = "CANCELLING";
    public const string Created = "CREATED";
    public const string Suspended = "SUSPENDED";

    public static bool IsGloballyTerminal(string? state) => state is Finished or Failed or Canceled;
}

/// <summary>status.lifecycleState values.</summary>
internal static class OperatorLifecycleStates
{
    public const string Created = "CREATED";
    public const string Suspended = "SUSPENDED";
    public const string Upgrading = "UPGRADING";
    public const string Deployed = "DEPLOYED";
    public const string Stable = "STABLE";
    public const string RollingBack = "ROLLING_BACK";
    public const string RolledBack = "ROLLED_BACK";
    public const string Failed = "FAILED";
    public const string Deleting = "DELETING";
    public const string Deleted = "DELETED";
}

/// <summary>status.jobManagerDeploymentStatus values.</summary>
internal static class OperatorJobManagerStatuses
{
    public const string Ready = "READY";
    public const string DeployedNotReady = "DEPLOYED_NOT_READY";
    public const string Deploying = "DEPLOYING";
    public const string Missing = "MISSING";
    public const string Error = "ERROR";
}

/// <summary>status.reconciliationStatus.state values.</summary>
internal static class OperatorReconciliationStates
{
    public const string Deployed = "DEPLOYED";
    public const string Upgrading = "UPGRADING";
    public const string RollingBack = "ROLLING_BACK";
    public const string RolledBack = "ROLLED_BACK";
}

/// <summary>spec.job.upgradeMode and spec.job.state values.</summary>
internal static class JobSpecValues
{
    public const string Stateless = "stateless";
    public const string Savepoint = "savepoint";
    public const string LastState = "last-state";
    public const string Running = "running";
    public const string Suspended = "suspended";
}
