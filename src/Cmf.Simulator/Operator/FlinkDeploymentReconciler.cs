using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The simulated Flink Kubernetes Operator's reconcile loop for one application cluster, following
/// the operator's own flow: first deployment, upgrades (stateless, savepoint, last-state), suspend and
/// resume, savepoint failures that block an upgrade, reverts, rollback, and cleanup on deletion.
/// </summary>
internal sealed class FlinkDeploymentReconciler(
    ResourceStore store,
    SimulatorClock clock,
    SimulatorRandom random,
    OperatorTimings timings,
    NativeCluster nativeCluster,
    FlinkDeploymentObserver observer,
    OperatorEvents events)
{
    public const string Finalizer = "flinkdeployments.flink.apache.org/finalizer";

    private enum SuspendMode
    {
        Noop,
        Stateless,
        Savepoint,
        LastState,
    }

    /// <summary>One pass; returns when the next pass is due, or null once the resource is gone.</summary>
    public TimeSpan? Reconcile(ApplicationRuntime app)
    {
        var stored = store.Get(ResourceTypes.FlinkDeployments, app.Key);
        if (stored is null || stored.Uid != app.ObjectUid)
        {
            nativeCluster.Delete(app);
            return null;
        }
        var flinkDeployment = stored.ToJsonObject();
        if (stored.IsTerminating)
        {
            Cleanup(app, flinkDeployment);
            return null;
        }
        if (!HasFinalizer(flinkDeployment))
        {
            AddFinalizer(flinkDeployment);
            return timings.UpgradeStepDelay;
        }

        var step = new ReconcileStep(store, app, flinkDeployment, clock.Now);
        if (step.Status.IsNew)
        {
            step.Status.Initialize();
        }
        nativeCluster.Advance(app, flinkDeployment, step.Now);
        observer.Observe(step);
        var last = SpecWithMeta.Parse(step.Status.LastReconciledSpec);
        var upgradePending = last is not null && (SpecDiff.NeedsUpgrade(last.Spec, step.Spec) || app.Savepoint is not null);
        FlinkDeploymentObserver.ClearErrorIfHealthy(step, upgradePending);
        step.WriteStatus();

        if (app.Savepoint is { } savepoint)
        {
            if (step.Now < savepoint.CompletesAt)
            {
                step.RequestNextPassAt(savepoint.CompletesAt);
                return step.NextPass;
            }
            CompleteSavepoint(step, savepoint);
        }
        else
        {
            ReconcileSpec(step);
        }
        step.WriteStatus();
        return NextPass(step);
    }

    private TimeSpan NextPass(ReconcileStep step)
    {
        var app = step.App;
        var status = step.Status;
        if (app.Savepoint is { } savepoint)
        {
            step.RequestNextPassAt(savepoint.CompletesAt);
        }
        switch (status.JobManagerDeploymentStatus)
        {
            case JobManagerStatus.Deploying:
                step.RequestNextPass(app.Cluster?.PodsReadyAt is { } ready && ready > step.Now ? ready - step.Now : timings.ProgressCheckInterval);
                break;
            case JobManagerStatus.DeployedNotReady:
                step.RequestNextPass(app.Cluster?.RestReadyAt is { } rest ? rest - step.Now : timings.RestApiReadyDelay);
                break;
        }
        if (status.ReconciliationState is ReconciliationState.Upgrading or ReconciliationState.RollingBack)
        {
            step.RequestNextPass(timings.UpgradeStepDelay);
        }
        if (app.Cluster is { } cluster && NativeCluster.JobEndsAt(cluster, step.FlinkDeployment) is { } ends)
        {
            step.RequestNextPassAt(ends);
        }
        if (RollbackDeadline(step) is { } deadline)
        {
            step.RequestNextPassAt(deadline + TimeSpan.FromMilliseconds(1));
        }
        step.RequestNextPass(timings.ReconcileInterval);
        return step.NextPass!.Value;
    }

    private void ReconcileSpec(ReconcileStep step)
    {
        var status = step.Status;
        var last = SpecWithMeta.Parse(status.LastReconciledSpec);
        if (last is null)
        {
            if (JobSpec.StateOf(step.Spec) != JobSpecValues.Suspended)
            {
                DeployFirstTime(step);
            }
            return;
        }
        var state = status.ReconciliationState;
        var specChanged = SpecDiff.NeedsUpgrade(last.Spec, step.Spec);
        var target = step.Spec;
        string? currentJobStateOverride = null;
        var rollingBack = false;
        if (ShouldRollBack(step, specChanged, state))
        {
            if (state != ReconciliationState.RollingBack)
            {
                status.ReconciliationState = ReconciliationState.RollingBack;
                events.Emit(step.FlinkDeployment, OperatorEvents.Normal, "Rollback", OperatorEvents.ComponentJobManagerDeployment, "Rolling back failed deployment.");
                step.WriteStatus();
            }
            else
            {
                currentJobStateOverride = JobSpecValues.Suspended;
            }
            var stable = SpecWithMeta.Parse(status.LastStableSpec)!;
            var restoreMode = JobSpec.UpgradeModeOf(last.Spec) == JobSpecValues.Stateless ? JobSpecValues.Stateless : JobSpecValues.LastState;
            target = JobSpec.With(stable.Spec, upgradeMode: restoreMode);
            rollingBack = true;
        }
        else if (!specChanged && state != ReconciliationState.Upgrading)
        {
            UpdateReconciliationMetadata(step, last);
            RecoverMissingDeployment(step, last);
            return;
        }

        if (!rollingBack && state is ReconciliationState.Deployed or ReconciliationState.RolledBack && IsAlreadyDeployed(status, step.Spec))
        {
            // Back to what is running (a revert): record it, keep the cluster.
            UpdateStatusForSpecReconciliation(step, step.Spec, JobSpec.StateOf(step.Spec), upgrading: false);
            return;
        }
        if (specChanged && !rollingBack && step.App.SpecChangedEventGeneration != step.Generation)
        {
            step.App.SpecChangedEventGeneration = step.Generation;
            events.EmitOnce(step.FlinkDeployment, OperatorEvents.Normal, "SpecChanged", OperatorEvents.ComponentJobManagerDeployment,
                $"UPGRADE change(s) detected ({SpecDiff.Describe(last.Spec, step.Spec)}), starting reconciliation.",
                $"SpecChange: {step.Generation}");
        }
        ReconcileSpecChange(step, target, last, rollingBack, currentJobStateOverride ?? JobSpec.StateOf(last.Spec));
    }

    private void ReconcileSpecChange(ReconcileStep step, JsonObject target, SpecWithMeta last, bool rollingBack, string currentJobState)
    {
        var desired = JobSpec.StateOf(target);
        if (currentJobState == JobSpecValues.Running)
        {
            if (ChooseSuspendMode(step, target) is not { } mode)
            {
                step.RequestNextPass(timings.ProgressCheckInterval);
                return;
            }
            if (mode != SuspendMode.Noop)
            {
                events.Emit(step.FlinkDeployment, OperatorEvents.Normal, "Suspended", OperatorEvents.ComponentJobManagerDeployment, "Suspending existing deployment.");
            }
            switch (mode)
            {
                case SuspendMode.Savepoint:
                    step.App.Savepoint = new PendingSavepoint(target.DeepClone().AsObject(), desired, rollingBack, step.Now + timings.SavepointDuration);
                    return;
                case SuspendMode.Stateless or SuspendMode.LastState:
                    nativeCluster.Delete(step.App);
                    step.Status.JobManagerDeploymentStatus = JobManagerStatus.Missing;
                    step.Status.SetClusterInfo(null);
                    if (!JobState.IsGloballyTerminal(step.Status.JobState))
                    {
                        step.Status.SetJobState(JobState.Finished, step.Now);
                    }
                    break;
            }
            var restoreMode = mode switch
            {
                SuspendMode.Stateless => JobSpecValues.Stateless,
                SuspendMode.LastState => JobSpecValues.LastState,
                _ => JobSpec.UpgradeModeOf(target),
            };
            AfterJobStopped(step, target, desired, restoreMode);
        }
        else if (desired == JobSpecValues.Running)
        {
            Restore(step, target, last, rollingBack);
        }
        else
        {
            UpdateStatusForSpecReconciliation(step, target, JobSpecValues.Suspended, upgrading: false);
        }
    }

    /// <summary>How to stop the running job for this change; null when it cannot be stopped yet (the job is still starting).</summary>
    private static SuspendMode? ChooseSuspendMode(ReconcileStep step, JsonObject target)
    {
        var jobState = step.Status.JobState;
        var upgradeMode = JobSpec.UpgradeModeOf(target);
        if (JobState.IsGloballyTerminal(jobState))
        {
            return SuspendMode.Noop;
        }
        if (upgradeMode == JobSpecValues.Stateless)
        {
            return SuspendMode.Stateless;
        }
        if (jobState == JobState.Running)
        {
            return upgradeMode == JobSpecValues.Savepoint ? SuspendMode.Savepoint : SuspendMode.LastState;
        }
        // A JobManager that never started holds no state worth waiting for: delete it.
        return step.App.Cluster is null || !step.App.Cluster.PodsReady ? SuspendMode.LastState : null;
    }

    private void CompleteSavepoint(ReconcileStep step, PendingSavepoint savepoint)
    {
        var app = step.App;
        app.Savepoint = null;
        if (app.Cluster is null || step.Status.JobState != JobState.Running)
        {
            return;
        }
        if (SimulatorKnobs.ShouldSavepointFail(step.FlinkDeployment, app.FailedSavepoints))
        {
            app.FailedSavepoints++;
            step.Status.Error = OperatorErrors.SavepointFailed(step.Status.JobId);
            events.Emit(step.FlinkDeployment, OperatorEvents.Warning, "SavepointError", OperatorEvents.ComponentJobManagerDeployment,
                "Savepoint Error -> CheckpointException: Checkpoint Coordinator is suspending.");
            step.RequestNextPass(timings.ReconcileInterval);
            return;
        }
        var location = nativeCluster.StopWithSavepoint(app, savepoint.Target);
        var format = FlinkConfiguration.Get(savepoint.Target, "kubernetes.operator.savepoint.format.type") ?? "CANONICAL";
        step.Status.RecordUpgradeSavepoint(location, step.Now, format.ToUpperInvariant() == "NATIVE" ? "NATIVE" : "CANONICAL");
        step.Status.SetJobState(JobState.Finished, step.Now);
        AfterJobStopped(step, savepoint.Target, savepoint.DesiredJobState, JobSpecValues.Savepoint);
    }

    private void AfterJobStopped(ReconcileStep step, JsonObject target, string desired, string restoreMode)
    {
        var recorded = JobSpec.With(target, upgradeMode: restoreMode);
        if (desired == JobSpecValues.Running)
        {
            UpdateStatusForSpecReconciliation(step, recorded, JobSpecValues.Suspended, upgrading: true);
            step.RequestNextPass(timings.UpgradeStepDelay);
            return;
        }
        nativeCluster.Delete(step.App);
        step.Status.JobManagerDeploymentStatus = JobManagerStatus.Missing;
        step.Status.SetClusterInfo(null);
        step.Status.SetJobState(JobState.Suspended, step.Now);
        UpdateStatusForSpecReconciliation(step, recorded, JobSpecValues.Suspended, upgrading: false);
    }

    private void Restore(ReconcileStep step, JsonObject target, SpecWithMeta last, bool rollingBack)
    {
        var restoreMode = JobSpec.UpgradeModeOf(target) == JobSpecValues.Stateless ? JobSpecValues.Stateless : JobSpec.UpgradeModeOf(last.Spec);
        var recorded = JobSpec.With(target, upgradeMode: restoreMode);
        UpdateStatusForSpecReconciliation(step, recorded, JobSpecValues.Suspended, upgrading: true);
        step.WriteStatus();
        Deploy(step, target, keepJobId: restoreMode == JobSpecValues.LastState, rollingBack);
        UpdateStatusForSpecReconciliation(step, recorded, JobSpecValues.Running, upgrading: false);
    }

    private void DeployFirstTime(ReconcileStep step)
    {
        var status = step.Status;
        if (step.Spec.StringAt("job", "initialSavepointPath") is { } initial)
        {
            status.UpgradeSavepointPath = initial;
        }
        UpdateStatusForSpecReconciliation(step, step.Spec, JobSpecValues.Suspended, upgrading: true);
        status.JobId = FlinkDeploymentStatus.NewJobId(random);
        step.WriteStatus();
        Deploy(step, step.Spec, keepJobId: true, rollingBack: false);
        UpdateStatusForSpecReconciliation(step, step.Spec, JobSpecValues.Running, upgrading: false);
    }

    private void Deploy(ReconcileStep step, JsonObject runSpec, bool keepJobId, bool rollingBack)
    {
        var status = step.Status;
        if (step.App.Cluster is not null)
        {
            // The application's job has ended (stopped with a savepoint, finished or failed): its cluster goes first.
            nativeCluster.Delete(step.App);
            status.JobManagerDeploymentStatus = JobManagerStatus.Missing;
            status.SetClusterInfo(null);
            step.WriteStatus();
        }
        if (!keepJobId || status.JobId is null)
        {
            status.JobId = FlinkDeploymentStatus.NewJobId(random);
        }
        events.Emit(step.FlinkDeployment, OperatorEvents.Normal, "Submit", OperatorEvents.ComponentJobManagerDeployment, "Starting deployment");
        var startupFails = SimulatorKnobs.IsSet(step.FlinkDeployment, SimulatorKnobs.StartupFails) && !rollingBack;
        step.App.Cluster = nativeCluster.Create(step.FlinkDeployment, runSpec, startupFails, step.Now);
        status.JobName = NativeCluster.JobNameOf(runSpec);
        status.SetJobState(JobState.Reconciling, step.Now);
        status.JobManagerDeploymentStatus = JobManagerStatus.Deploying;
    }

    /// <summary>The operator's updateStatusForSpecReconciliation: records the spec it works on and the reconciliation state.</summary>
    private void UpdateStatusForSpecReconciliation(ReconcileStep step, JsonObject spec, string stateAfterReconcile, bool upgrading)
    {
        var status = step.Status;
        var previous = SpecWithMeta.Parse(status.LastReconciledSpec);
        status.Error = null;
        status.ReconciliationTimestamp = clock.Now.ToUnixTimeMilliseconds();
        var state = status.ReconciliationState is ReconciliationState.RollingBack
            ? (upgrading ? ReconciliationState.RollingBack : ReconciliationState.RolledBack)
            : (upgrading ? ReconciliationState.Upgrading : ReconciliationState.Deployed);
        status.ReconciliationState = state;
        if (state is ReconciliationState.RollingBack or ReconciliationState.RolledBack)
        {
            // During a rollback lastReconciledSpec keeps the failed spec; only its upgrade mode follows the rollback.
            if (previous is not null)
            {
                status.LastReconciledSpec = (previous with { Spec = JobSpec.With(previous.Spec, upgradeMode: JobSpec.UpgradeModeOf(spec)) }).Serialize();
            }
            SetTaskManagerInfo(step, spec, stateAfterReconcile);
            return;
        }
        var firstDeployment = previous is null || (state == ReconciliationState.Deployed && previous.FirstDeployment);
        var recorded = JobSpec.With(spec, state: stateAfterReconcile);
        status.LastReconciledSpec = new SpecWithMeta(recorded, step.Generation, firstDeployment).Serialize();
        status.ObservedGeneration = step.Generation;
        SetTaskManagerInfo(step, spec, stateAfterReconcile);
        if (JobSpec.StateOf(step.Spec) == JobSpecValues.Suspended && stateAfterReconcile == JobSpecValues.Suspended && !upgrading)
        {
            // A job the user suspended counts as stable.
            status.MarkReconciledSpecStable();
        }
    }

    private static void SetTaskManagerInfo(ReconcileStep step, JsonObject spec, string jobState)
    {
        if (jobState == JobSpecValues.Running)
        {
            step.Status.SetTaskManager($"component=taskmanager,app={step.App.Key.Name}", JobSpec.TaskManagerCount(spec));
        }
        else
        {
            step.Status.SetTaskManager("", 0);
        }
    }

    /// <summary>A generation bump without an upgrade-relevant change (a revert, a changed upgradeMode): observedGeneration catches up, nothing is redeployed.</summary>
    private static void UpdateReconciliationMetadata(ReconcileStep step, SpecWithMeta last)
    {
        var status = step.Status;
        if (status.ObservedGeneration == step.Generation)
        {
            return;
        }
        var wasStable = status.IsLastReconciledSpecStable;
        var firstDeployment = status.ReconciliationState == ReconciliationState.Deployed && last.FirstDeployment;
        status.LastReconciledSpec = (last with { Generation = step.Generation, FirstDeployment = firstDeployment }).Serialize();
        status.ObservedGeneration = step.Generation;
        if (wasStable)
        {
            status.MarkReconciledSpecStable();
        }
        FlinkDeploymentObserver.ClearErrorIfHealthy(step, upgradePending: false);
    }

    private void RecoverMissingDeployment(ReconcileStep step, SpecWithMeta last)
    {
        var status = step.Status;
        if (step.App.Cluster is not null
            || status.JobManagerDeploymentStatus != JobManagerStatus.Missing
            || JobSpec.StateOf(last.Spec) != JobSpecValues.Running
            || JobState.IsGloballyTerminal(status.JobState)
            || status.ReconciliationState != ReconciliationState.Deployed && status.ReconciliationState != ReconciliationState.RolledBack)
        {
            return;
        }
        var deployed = status.ReconciliationState == ReconciliationState.RolledBack ? SpecWithMeta.Parse(status.LastStableSpec)!.Spec : last.Spec;
        var highAvailability = FlinkConfiguration.IsHighAvailabilityEnabled(deployed);
        if (JobSpec.UpgradeModeOf(deployed) != JobSpecValues.Stateless && !highAvailability)
        {
            return;
        }
        events.Emit(step.FlinkDeployment, OperatorEvents.Warning, "RecoverDeployment", OperatorEvents.ComponentJob, "Recovering lost deployment");
        Deploy(step, deployed, keepJobId: highAvailability, rollingBack: false);
        status.Error = null;
    }

    private static bool IsAlreadyDeployed(FlinkDeploymentStatus status, JsonObject spec)
    {
        var deployed = status.ReconciliationState == ReconciliationState.RolledBack
            ? SpecWithMeta.Parse(status.LastStableSpec)
            : SpecWithMeta.Parse(status.LastReconciledSpec);
        return deployed is not null && SpecDiff.AreSame(deployed.Spec, spec);
    }

    private static bool ShouldRollBack(ReconcileStep step, bool specChanged, string state)
    {
        if (state == ReconciliationState.RollingBack)
        {
            return true;
        }
        return !specChanged && RollbackDeadline(step) is { } deadline && step.Now > deadline;
    }

    /// <summary>When a deployment that never became stable gets rolled back, if rollback applies to it at all.</summary>
    private static DateTimeOffset? RollbackDeadline(ReconcileStep step)
    {
        var status = step.Status;
        if (status.ReconciliationState != ReconciliationState.Deployed
            || status.IsLastReconciledSpecStable
            || !FlinkConfiguration.IsRollbackEnabled(step.Spec)
            || SpecWithMeta.Parse(status.LastStableSpec) is not { } stable
            || JobSpec.StateOf(stable.Spec) == JobSpecValues.Suspended
            || stable.Spec.StringAt("flinkVersion") != step.Spec.StringAt("flinkVersion"))
        {
            return null;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(status.ReconciliationTimestamp) + FlinkConfiguration.GetReadinessTimeout(step.Spec);
    }

    private void Cleanup(ApplicationRuntime app, JsonObject flinkDeployment)
    {
        events.Emit(flinkDeployment, OperatorEvents.Normal, "Cleanup", OperatorEvents.ComponentOperator, "Cleaning up FlinkDeployment");
        var step = new ReconcileStep(store, app, flinkDeployment, clock.Now);
        step.Status.LifecycleState = LifecycleState.Deleting;
        step.WriteStatus();
        app.Savepoint = null;
        nativeCluster.Delete(app);
        RemoveFinalizer(app.Key);
    }

    private static bool HasFinalizer(JsonObject flinkDeployment) =>
        (flinkDeployment.NodeAt("metadata", "finalizers") as JsonArray)?.Any(f => f?.GetValue<string>() == Finalizer) ?? false;

    private void AddFinalizer(JsonObject flinkDeployment)
    {
        var metadata = flinkDeployment.Metadata();
        if (metadata["finalizers"] is not JsonArray finalizers)
        {
            finalizers = [];
            metadata["finalizers"] = finalizers;
        }
        finalizers.Add(Finalizer);
        TryUpdateObject(flinkDeployment);
    }

    private void RemoveFinalizer(ObjectKey key)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (store.Get(ResourceTypes.FlinkDeployments, key) is not { } current)
            {
                return;
            }
            var obj = current.ToJsonObject();
            if (obj.NodeAt("metadata", "finalizers") is JsonArray finalizers)
            {
                foreach (var item in finalizers.Where(f => f?.GetValue<string>() == Finalizer).ToList())
                {
                    finalizers.Remove(item);
                }
            }
            if (TryUpdateObject(obj))
            {
                return;
            }
        }
    }

    private bool TryUpdateObject(JsonObject obj)
    {
        try
        {
            store.Update(ResourceTypes.FlinkDeployments, obj, UpdateTarget.Object, ChangeOrigin.Cluster);
            return true;
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Changed or deleted meanwhile: the next pass sees the new state.
            return false;
        }
    }
}
