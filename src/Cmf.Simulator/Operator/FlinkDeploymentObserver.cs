using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The operator's observe phase: follows the JobManager Deployment (DEPLOYING, DEPLOYED_NOT_READY,
/// READY, MISSING), reads the job's state once the REST API answers, fills clusterInfo while the
/// JobManager is ready, and marks the reconciled spec stable when the job runs.
/// </summary>
internal sealed class FlinkDeploymentObserver(NativeCluster nativeCluster, OperatorEvents events)
{
    public void Observe(ReconcileStep step)
    {
        var app = step.App;
        var status = step.Status;
        if (app.Cluster is { } existing && !nativeCluster.Exists(app, existing))
        {
            app.Cluster = null;
        }
        if (app.Cluster is not { } cluster)
        {
            ObserveMissingCluster(step);
            return;
        }
        switch (status.JobManagerDeploymentStatus)
        {
            case JobManagerStatus.Deploying when cluster.PodsReady:
                status.JobManagerDeploymentStatus = JobManagerStatus.DeployedNotReady;
                break;
            case JobManagerStatus.DeployedNotReady when cluster.RestReadyAt is { } restReady && step.Now >= restReady:
                status.JobManagerDeploymentStatus = JobManagerStatus.Ready;
                break;
            case JobManagerStatus.Missing or JobManagerStatus.Error:
                status.JobManagerDeploymentStatus = JobManagerStatus.Deploying;
                break;
        }
        if (status.JobManagerDeploymentStatus != JobManagerStatus.Ready)
        {
            status.SetClusterInfo(null);
            return;
        }
        status.SetClusterInfo(NativeCluster.ClusterInfo(cluster));
        ObserveJob(step, cluster);
        CheckAndUpdateStableSpec(status);
    }

    /// <summary>The operator clears an old error once the deployment is healthy, but not while an upgrade is still blocked on it.</summary>
    public static void ClearErrorIfHealthy(ReconcileStep step, bool upgradePending)
    {
        var status = step.Status;
        if (!upgradePending
            && status.JobManagerDeploymentStatus != JobManagerStatus.Error
            && status.JobState != JobState.Failed
            && status.IsLastReconciledSpecStable)
        {
            status.Error = null;
        }
    }

    private void ObserveMissingCluster(ReconcileStep step)
    {
        var status = step.Status;
        status.SetClusterInfo(null);
        if (status.JobManagerDeploymentStatus is JobManagerStatus.Ready or JobManagerStatus.DeployedNotReady or JobManagerStatus.Deploying)
        {
            status.JobManagerDeploymentStatus = JobManagerStatus.Missing;
            if (!JobState.IsGloballyTerminal(status.JobState))
            {
                status.SetJobState(JobState.Reconciling, step.Now);
            }
            status.Error = OperatorErrors.MissingJobManager();
            events.Emit(step.FlinkDeployment, OperatorEvents.Warning, "Missing", OperatorEvents.ComponentJobManagerDeployment, "Missing JobManager deployment");
        }
    }

    private void ObserveJob(ReconcileStep step, FlinkCluster cluster)
    {
        var status = step.Status;
        var previous = status.JobState;
        var observed = cluster.JobState;
        if (previous == JobState.Suspended || (previous == JobState.Finished && observed == JobState.Finished) || observed == JobState.Reconciling)
        {
            return;
        }
        status.JobName = NativeCluster.JobNameOf(cluster.Spec);
        if (cluster.JobStartedAt is { } started)
        {
            status.StartTime = KubernetesTime.EpochMillis(started);
        }
        if (!status.SetJobState(observed, step.Now))
        {
            return;
        }
        if (observed == JobState.Failed)
        {
            status.Error = OperatorErrors.JobFailed();
        }
        var message = previous is null ? $"Job status changed to {observed}" : $"Job status changed from {previous} to {observed}";
        events.Emit(step.FlinkDeployment, OperatorEvents.Normal, "JobStatusChanged", OperatorEvents.ComponentJob, message);
    }

    private static void CheckAndUpdateStableSpec(FlinkDeploymentStatus status)
    {
        if (status.ReconciliationState != ReconciliationState.Deployed)
        {
            return;
        }
        if (status.JobState == JobState.Running)
        {
            status.MarkReconciledSpecStable();
            return;
        }
        if (status.JobState == JobState.Finished
            && SpecWithMeta.Parse(status.LastReconciledSpec) is { } last
            && JobSpec.StateOf(last.Spec) == JobSpecValues.Running)
        {
            // A job that finished on its own counts as stable.
            status.MarkReconciledSpecStable();
        }
    }
}
