using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The operator's observe phase for application clusters: AbstractFlinkResourceObserver.observe,
/// AbstractFlinkDeploymentObserver (JobManager Deployment, cluster info, clearing errors) and JobStatusObserver.
/// </summary>
internal sealed class FlinkDeploymentObserver(NativeCluster nativeCluster, ResourceStore store, OperatorEvents events, StateSnapshotResources snapshots)
{
    private const string JobNotFound = "Job Not Found";

    private static readonly HashSet<string> ContainerErrorReasons =
        ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "RunContainerError", "CreateContainerConfigError", "OOMKilled"];

    public void Observe(ReconcilePass pass)
    {
        if (!IsResourceReadyToBeObserved(pass))
        {
            return;
        }
        var status = pass.Status;
        if (status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Ready)
        {
            ObserveJmDeployment(pass);
        }
        if (status.JobManagerDeploymentStatus == OperatorJobManagerStatuses.Ready)
        {
            ObserveJob(pass);
            if (StateSnapshots.IsEnabled(pass.Spec, pass.Release))
            {
                // ApplicationObserver.observeFlinkCluster L52: SnapshotObserver.observeSavepointStatus ends with the history cleanup.
                snapshots.CleanupHistory(pass.App.Key, pass.Spec, pass.Now);
            }
        }
        if (status.JobManagerDeploymentStatus == OperatorJobManagerStatuses.Ready && pass.App.Cluster is { } cluster)
        {
            status.SetClusterInfo(NativeCluster.ClusterInfo(cluster));
        }
        ClearErrorsIfDeploymentIsHealthy(status);
    }

    /// <summary>
    /// checkContainerErrors (AbstractFlinkDeploymentObserver L174-197) on the JobManager pod as it is served: a container
    /// waiting for one of DeploymentFailedException.CONTAINER_ERROR_REASONS fails the deployment, with the message
    /// forContainerStatus builds ("[container] " and the last termination's message after "CrashLoop - ", else the
    /// waiting message).
    /// </summary>
    private DeploymentFailedException? ContainerError(string ns, FlinkCluster cluster)
    {
        var pod = store.Get(ResourceTypes.Pods, new ObjectKey(ns, cluster.JobManagerPodName))?.ToJsonObject();
        var statuses = new[] { "containerStatuses", "initContainerStatuses" }
            .SelectMany(field => pod?.NodeAt("status", field) as JsonArray ?? new JsonArray());
        foreach (var container in statuses.OfType<JsonObject>())
        {
            var reason = container.StringAt("state", "waiting", "reason");
            if (reason is null || !ContainerErrorReasons.Contains(reason))
            {
                continue;
            }
            var message = reason == "CrashLoopBackOff" && container.StringAt("lastState", "terminated", "message") is { } terminated
                ? "CrashLoop - " + terminated
                : container.StringAt("state", "waiting", "message");
            return new DeploymentFailedException(reason, $"[{container.StringAt("name")}] {message ?? "null"}");
        }
        return null;
    }

    /// <summary>AbstractFlinkResourceObserver.isResourceReadyToBeObserved (L62-94).</summary>
    private bool IsResourceReadyToBeObserved(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.IsBeforeFirstDeployment || status.ReconciliationState == OperatorReconciliationStates.RollingBack)
        {
            return false;
        }
        if (status.JobState == OperatorJobStates.Cancelling)
        {
            return true;
        }
        if (status.ReconciliationState == OperatorReconciliationStates.Upgrading)
        {
            if (CheckIfAlreadyUpgraded(pass))
            {
                return true;
            }
            StatusUpdates.ClearLastReconciledSpecIfFirstDeploy(status);
            return false;
        }
        return true;
    }

    /// <summary>AbstractFlinkDeploymentObserver.checkIfAlreadyUpgraded (L243-291): a Deployment of the upgrade's generation exists.</summary>
    private bool CheckIfAlreadyUpgraded(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Missing
            || store.Get(ResourceTypes.Deployments, pass.App.Key) is not { IsTerminating: false } deployment
            || deployment.ToJsonObject().NodeAt("metadata", "annotations", SimulatorMetadataKeys.GenerationAnnotation) is not System.Text.Json.Nodes.JsonValue annotation
            || annotation.AsText() != (status.ObservedGeneration ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }
        status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Deploying;
        StatusUpdates.AlreadyUpgraded(status);
        return true;
    }

    /// <summary>AbstractFlinkDeploymentObserver.observeJmDeployment (L95-163).</summary>
    private void ObserveJmDeployment(ReconcilePass pass)
    {
        var app = pass.App;
        var status = pass.Status;
        if (IsSuspendedJob(pass))
        {
            return;
        }
        var previous = status.JobManagerDeploymentStatus;
        if (previous == OperatorJobManagerStatuses.DeployedNotReady)
        {
            status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Ready;
            return;
        }
        if (app.Cluster is { } existing && !nativeCluster.Exists(app, existing))
        {
            app.Cluster = null;
        }
        if (app.Cluster is { } cluster)
        {
            if (NativeCluster.IsAvailable(cluster))
            {
                status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.DeployedNotReady;
                return;
            }
            if (ContainerError(pass.App.Key.Namespace, cluster) is { } failed)
            {
                // Thrown only when not already in ERROR, so a spec change can still go through (L138-146).
                status.SetJobState(OperatorJobStates.Reconciling);
                if (previous != OperatorJobManagerStatuses.Error)
                {
                    throw failed;
                }
                return;
            }
            status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Deploying;
            return;
        }
        status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Missing;
        if (status.JobState is not { } state || !OperatorJobStates.IsGloballyTerminal(state))
        {
            status.SetJobState(OperatorJobStates.Reconciling);
        }
        if (previous is not (OperatorJobManagerStatuses.Missing or OperatorJobManagerStatuses.Error))
        {
            // onMissingDeployment (L230-241).
            status.Error = OperatorErrors.MissingJobManager();
            events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, "Missing", OperatorEvents.ComponentJobManagerDeployment, "Missing JobManager deployment");
        }
    }

    /// <summary>isSuspendedJob (L213-228): nothing to observe while a suspended job has no JobManager.</summary>
    private static bool IsSuspendedJob(ReconcilePass pass) =>
        pass.Status.JobManagerDeploymentStatus == OperatorJobManagerStatuses.Missing
        && JobSpec.StateOf(pass.Spec) == JobSpecValues.Suspended
        && pass.Status.Reconciled?.JobState == JobSpecValues.Suspended;

    /// <summary>JobStatusObserver.observe (L72-112) and updateJobStatus (L327-364).</summary>
    private void ObserveJob(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.Reconciled?.JobState == JobSpecValues.Suspended)
        {
            return;
        }
        var previous = status.JobState;
        if (pass.App.Cluster is { } cluster && !nativeCluster.Exists(pass.App, cluster))
        {
            pass.App.Cluster = null;
        }
        if (NativeCluster.RestJobStatus(pass.App.Cluster, pass.Now) is not { } job)
        {
            // The REST call times out: RUNNING becomes RECONCILING and the JobManager is looked at again (onTimeout).
            if (previous == OperatorJobStates.Running)
            {
                status.SetJobState(OperatorJobStates.Reconciling);
            }
            ObserveJmDeployment(pass);
            return;
        }
        if (job.JobId != status.JobId)
        {
            // onTargetJobNotFound (L272-297).
            status.ReconciliationState = OperatorReconciliationStates.Deployed;
            status.SetJobState(OperatorJobStates.Reconciling);
            status.Error = JobNotFound;
            events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, "Missing", OperatorEvents.ComponentJob, JobNotFound);
            return;
        }
        status.JobName = job.Name;
        status.StartTime = KubernetesTime.EpochMillis(job.StartTime);
        if (status.ObserveJobState(job.State, pass.Now))
        {
            if (job.State == OperatorJobStates.Canceled || (OperatorJobStates.IsGloballyTerminal(job.State) && previous == OperatorJobStates.Cancelling))
            {
                // markSuspended (L366-374): the cancelled job is recorded as suspended; observedGeneration stays.
                StatusUpdates.LastReconciledSpec(status, spec => JobSpec.With(spec, state: JobSpecValues.Suspended), firstDeployment: false);
            }
            if (job.State == OperatorJobStates.Failed)
            {
                // recordJobErrorIfPresent (L376-402): the failure cause as the error, and an Error event before the change.
                status.Error = OperatorErrors.JobFailed();
                events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, "Error", OperatorEvents.ComponentJob,
                    "Recovery is suppressed by NoRestartBackoffTimeStrategy -> " + $"The job failed (simulated by {SimulatorKnobs.FailAfterSeconds}).");
            }
            var message = previous is null ? $"Job status changed to {job.State}" : $"Job status changed from {previous} to {job.State}";
            events.Emit(pass.FlinkDeployment, OperatorEvents.Normal, "JobStatusChanged", OperatorEvents.ComponentJob, message);
        }
        StatusUpdates.CheckAndUpdateStableSpec(status);
        if (OperatorJobStates.IsGloballyTerminal(job.State) && pass.App.LatestCheckpoint is { } checkpoint)
        {
            // SnapshotObserver.observeLatestCheckpoint (L453-469): a terminal job's last checkpoint is where it resumes from.
            status.UpgradeSavepointPath = checkpoint;
        }
    }

    /// <summary>clearErrorsIfDeploymentIsHealthy (L203-211): the error goes while the JobManager is not in ERROR, the job has not failed and the spec is stable.</summary>
    private static void ClearErrorsIfDeploymentIsHealthy(OperatorDeploymentStatus status)
    {
        if (status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Error
            && status.JobState != OperatorJobStates.Failed
            && status.IsLastReconciledSpecStable)
        {
            status.Error = null;
        }
    }
}
