namespace Cmf.Simulator.Operator;

/// <summary>status.lifecycleState is derived from the rest of the status (api/status/CommonStatus.getLifecycleState L71-126).</summary>
internal static class LifecycleStates
{
    // CommonStatus L44-47, matched in the error (FlinkDeploymentStatus only, since 1.13).
    private static readonly string[] FailedMarkers =
    [
        "Manual restore required.",
        "It is possible that the job has finished or terminally failed, or the configmaps have been deleted.",
        "HA metadata is not available",
    ];

    public static string Compute(OperatorDeploymentStatus status)
    {
        if (status.LastReconciledSpec is null)
        {
            return string.IsNullOrEmpty(status.Error) ? OperatorLifecycleStates.Created : OperatorLifecycleStates.Failed;
        }
        switch (status.ReconciliationState)
        {
            case OperatorReconciliationStates.Upgrading:
                return OperatorLifecycleStates.Upgrading;
            case OperatorReconciliationStates.RollingBack:
                return OperatorLifecycleStates.RollingBack;
        }
        if (status.Reconciled is { } last && last.JobState == JobSpecValues.Suspended)
        {
            return OperatorLifecycleStates.Suspended;
        }
        if (status.JobState == OperatorJobStates.Failed)
        {
            return OperatorLifecycleStates.Failed;
        }
        if (status.JobManagerDeploymentStatus is OperatorJobManagerStatuses.Missing or OperatorJobManagerStatuses.Error
            && status.Error is { } error
            && FailedMarkers.Any(m => error.Contains(m, StringComparison.Ordinal)))
        {
            return OperatorLifecycleStates.Failed;
        }
        if (status.ReconciliationState == OperatorReconciliationStates.RolledBack)
        {
            return OperatorLifecycleStates.RolledBack;
        }
        return status.IsLastReconciledSpecStable ? OperatorLifecycleStates.Stable : OperatorLifecycleStates.Deployed;
    }
}
