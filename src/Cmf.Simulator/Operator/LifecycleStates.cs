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

    public static string Compute(FlinkDeploymentStatus status)
    {
        if (status.LastReconciledSpec is null)
        {
            return string.IsNullOrEmpty(status.Error) ? LifecycleState.Created : LifecycleState.Failed;
        }
        switch (status.ReconciliationState)
        {
            case ReconciliationState.Upgrading:
                return LifecycleState.Upgrading;
            case ReconciliationState.RollingBack:
                return LifecycleState.RollingBack;
        }
        if (status.Reconciled is { } last && last.JobState == JobSpecValues.Suspended)
        {
            return LifecycleState.Suspended;
        }
        if (status.JobState == JobState.Failed)
        {
            return LifecycleState.Failed;
        }
        if (status.JobManagerDeploymentStatus is JobManagerStatus.Missing or JobManagerStatus.Error
            && status.Error is { } error
            && FailedMarkers.Any(m => error.Contains(m, StringComparison.Ordinal)))
        {
            return LifecycleState.Failed;
        }
        if (status.ReconciliationState == ReconciliationState.RolledBack)
        {
            return LifecycleState.RolledBack;
        }
        return status.IsLastReconciledSpecStable ? LifecycleState.Stable : LifecycleState.Deployed;
    }
}
