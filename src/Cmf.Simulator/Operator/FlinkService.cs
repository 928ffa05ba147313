using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>What a job stop left: whether it completes later (a cancel) and the savepoint it took.</summary>
internal sealed record CancelResult(bool Pending, string? SavepointPath)
{
    public static CancelResult Completed(string? savepointPath) => new(false, savepointPath);

    public static CancelResult PendingCancel() => new(true, null);
}

/// <summary>
/// FKO's FlinkService for native application clusters (service/AbstractFlinkService, NativeFlinkService): stopping jobs,
/// deleting and submitting clusters, HA metadata and in-place scaling, played on the <see cref="NativeCluster"/>.
/// </summary>
internal sealed class FlinkService(NativeCluster nativeCluster, SimulatorRandom random, OperatorTimings timings)
{
    /// <summary>
    /// AbstractFlinkService.cancelJob (L325-362) with NativeFlinkService's deleteCluster=false. A savepoint stop blocks
    /// the pass; <paramref name="afterSavepoint"/> carries it on with the result.
    /// </summary>
    public CancelResult CancelJob(ReconcilePass pass, SuspendMode mode, Action<CancelResult> afterSavepoint)
    {
        var status = pass.Status;
        switch (mode)
        {
            case SuspendMode.Savepoint:
                StopWithSavepointBlocking(pass, afterSavepoint);
                break;
            case SuspendMode.Stateless:
                if (status.IsJobCancellable)
                {
                    // cancelJobOrError with ignoreMissing; any error is swallowed for stateless.
                    CancelJobOrError(pass);
                }
                break;
            case SuspendMode.Cancel:
                if (!CancelJobOrError(pass))
                {
                    return CancelResult.PendingCancel();
                }
                break;
        }
        return FinishCancel(pass, mode, savepointPath: null);
    }

    /// <summary>AbstractFlinkService.deleteClusterDeployment (L1120-1170): delete the JobManager, maybe its HA data; MISSING.</summary>
    public void DeleteClusterDeployment(ReconcilePass pass, bool deleteHaData)
    {
        nativeCluster.Delete(pass.App);
        if (deleteHaData)
        {
            pass.App.HaMetadata = false;
        }
        var status = pass.Status;
        status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Missing;
        if (status.JobState is not { } state || !OperatorJobStates.IsGloballyTerminal(state))
        {
            status.SetJobState(OperatorJobStates.Finished);
        }
    }

    /// <summary>
    /// AbstractFlinkService.submitApplicationCluster: a last-state deploy needs HA metadata
    /// (validateHaMetadataExists, RestoreFailed); the new JobManager runs <paramref name="spec"/>, restored from
    /// <paramref name="savepoint"/> (execution.savepoint.path of the deploy config) when there is one.
    /// </summary>
    public void SubmitApplicationCluster(ReconcilePass pass, JsonObject spec, string? savepoint, bool requireHaMetadata, bool withGenerationAnnotation, bool rollingBack)
    {
        if (requireHaMetadata && !IsHaMetadataAvailable(pass))
        {
            throw new UpgradeFailureException(
                "HA metadata is not available to restore from last state.It is possible that the job has finished or terminally failed, or the configmaps have been deleted.",
                "RestoreFailed");
        }
        // The simulation's broken deployments crash-loop; a rollback to the last stable spec starts.
        var startupFails = SimulatorKnobs.IsSet(pass.FlinkDeployment, SimulatorKnobs.StartupFails) && !rollingBack;
        pass.App.Cluster = nativeCluster.Create(
            pass.FlinkDeployment, spec, pass.Status.JobId!, withGenerationAnnotation ? pass.Generation : null, startupFails, pass.Now);
        pass.App.Cluster.RestoredFrom = savepoint;
    }

    /// <summary>AbstractFlinkService.isHaMetadataAvailable: Kubernetes HA is on and its ConfigMaps hold a checkpoint.</summary>
    public static bool IsHaMetadataAvailable(ReconcilePass pass) =>
        FlinkConfiguration.IsHighAvailabilityEnabled(pass.Spec) && pass.App.HaMetadata;

    /// <summary>
    /// NativeFlinkService.scale (L174-241): in-place rescaling through the adaptive scheduler's resource requirements, only
    /// for Flink 1.18+ with jobmanager.scheduler adaptive, a job that is neither terminal nor RECONCILING, and
    /// parallelism overrides before or after.
    /// </summary>
    public bool Scale(ReconcilePass pass, OperatorEvents events)
    {
        var spec = pass.Spec;
        var deployed = StatusUpdates.DeployedSpec(pass.Status)?.Spec;
        var jobState = pass.Status.JobState;
        if (spec["job"] is null
            || !FlinkConfiguration.GetBool(spec, FlinkConfiguration.InPlaceScalingEnabled, true)
            || !AtLeastFlink118(spec)
            || FlinkConfiguration.Get(spec, FlinkConfiguration.Scheduler) != "adaptive"
            || jobState is null or OperatorJobStates.Reconciling
            || OperatorJobStates.IsGloballyTerminal(jobState)
            || (FlinkConfiguration.Get(spec, FlinkConfiguration.ParallelismOverrides) is null
                && FlinkConfiguration.Get(deployed, FlinkConfiguration.ParallelismOverrides) is null))
        {
            return false;
        }
        events.Emit(pass.FlinkDeployment, OperatorEvents.Normal, "Scaling", OperatorEvents.ComponentJob, "In-place scaling triggered");
        return true;
    }

    private void StopWithSavepointBlocking(ReconcilePass pass, Action<CancelResult> afterSavepoint)
    {
        var app = pass.App;
        var status = pass.Status;
        if (status.JobState != OperatorJobStates.Running)
        {
            // savepointJobOrError (L446-496): a generic error, retried by JOSDK.
            throw new InvalidOperationException("Unexpected job status: " + status.JobState);
        }
        throw new PassBlockedException(pass.Now + timings.SavepointDuration, () =>
        {
            if (app.Cluster is not { } cluster || cluster.JobState != OperatorJobStates.Running
                || SimulatorKnobs.ShouldSavepointFail(pass.FlinkDeployment, app.FailedSavepoints))
            {
                app.FailedSavepoints++;
                throw new UpgradeFailureException("Savepoint Error", "SavepointError",
                    ("java.util.concurrent.ExecutionException", "org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint Coordinator is suspending."),
                    ("org.apache.flink.runtime.checkpoint.CheckpointException", "Checkpoint Coordinator is suspending."));
            }
            var location = nativeCluster.StopWithSavepoint(app, pass.Spec);
            afterSavepoint(FinishCancel(pass, SuspendMode.Savepoint, location));
        });
    }

    /// <summary>cancelJobOrError (L407-444): false while the cancel is in progress, true when the job was already gone or terminal.</summary>
    private bool CancelJobOrError(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.JobState == OperatorJobStates.Cancelling)
        {
            return false;
        }
        if (pass.App.Cluster is not { } cluster || OperatorJobStates.IsGloballyTerminal(cluster.JobState))
        {
            return true;
        }
        nativeCluster.BeginCancel(cluster, pass.Now);
        status.SetJobState(OperatorJobStates.Cancelling);
        return false;
    }

    private CancelResult FinishCancel(ReconcilePass pass, SuspendMode mode, string? savepointPath)
    {
        if (mode.DeletesCluster())
        {
            DeleteClusterDeployment(pass, mode.DeletesHaMetadata());
        }
        pass.Status.SetJobState(OperatorJobStates.Finished);
        return CancelResult.Completed(savepointPath);
    }

    private static bool AtLeastFlink118(JsonObject spec) =>
        spec.StringAt("flinkVersion") is { } version && string.CompareOrdinal(version, "v1_18") >= 0 && version.StartsWith("v1_", StringComparison.Ordinal)
        || spec.StringAt("flinkVersion") is { } v2 && v2.StartsWith("v2_", StringComparison.Ordinal);

    /// <summary>A new job id (JobID.generate().toHexString()).</summary>
    public string NewJobId() => random.Hex(32);
}
