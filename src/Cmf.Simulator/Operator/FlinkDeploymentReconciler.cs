using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The reconcile phase for application clusters, method for method after FKO's AbstractFlinkResourceReconciler,
/// AbstractJobReconciler and ApplicationReconciler (reconciler/deployment/*.java at commit 6e9caeb): first deployment,
/// spec changes classified by the spec diff, upgrades in every suspend mode, suspend and resume, in-place changes,
/// rollback, JobManager recovery and the shutdown TTL. docs/operator-conformance.md maps each status write to its source.
/// </summary>
internal sealed class FlinkDeploymentReconciler(FlinkService flinkService, OperatorEvents events, StateSnapshotResources snapshots, SnapshotTriggers snapshotTriggers)
{
    private const string MsgSuspended = "Suspending existing deployment.";
    private const string MsgSpecChanged = "{0} change(s) detected ({1}), starting reconciliation.";
    private const string MsgRollback = "Rolling back failed deployment.";
    private const string MsgSubmit = "Starting deployment";
    private const string MsgRecovery = "Recovering lost deployment";
    private const string LastStateDummySavepointPath = "KUBERNETES_OPERATOR_LAST_STATE";

    /// <summary>AbstractFlinkResourceReconciler.reconcile (L95-176).</summary>
    public void Reconcile(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.IsBeforeFirstDeployment)
        {
            if (JobSpec.StateOf(pass.Spec) == JobSpecValues.Suspended)
            {
                return;
            }
            UpdateStatusBeforeFirstDeployment(pass);
            Deploy(pass, pass.Spec, pass.Spec.StringAt("job", "initialSavepointPath"), requireHaMetadata: false);
            StatusUpdates.ForDeployedSpec(pass);
            return;
        }
        var last = status.Reconciled!;
        var diff = UpgradeDecision.Between(last.Spec, pass.Spec);
        var diffType = diff.Type;
        var specChanged = diffType != DiffType.Ignore || status.ReconciliationState == OperatorReconciliationStates.Upgrading;
        if (ShouldRollBack(pass, specChanged, last))
        {
            last = PrepareForRollback(pass, specChanged, last);
            specChanged = true;
            diffType = DiffType.Upgrade;
        }
        if (specChanged)
        {
            if (CheckNewSpecAlreadyDeployed(pass))
            {
                return;
            }
            if (diff.Type != DiffType.Ignore)
            {
                events.EmitOnce(pass.FlinkDeployment, OperatorEvents.Normal, "SpecChanged", OperatorEvents.ComponentJobManagerDeployment,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, MsgSpecChanged, diff.TypeName, diff.Describe()),
                    $"SpecChange: {pass.Generation}");
            }
            var scaled = diffType is not (DiffType.SavepointRedeploy or DiffType.Upgrade) && Scale(pass);
            if (scaled || ReconcileSpecChange(diffType, pass, last))
            {
                return;
            }
        }
        else
        {
            StatusUpdates.ReconciliationMetadata(pass);
        }
        ReconcileOtherChanges(pass);
    }

    /// <summary>ApplicationReconciler.cleanupInternal (L387-406): delete the cluster, stopping a running job stateless first.</summary>
    public void Cleanup(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.IsBeforeFirstDeployment || (status.JobState is { } state && OperatorJobStates.IsGloballyTerminal(state)))
        {
            flinkService.DeleteClusterDeployment(pass, deleteHaData: true);
            return;
        }
        // kubernetes.operator.job.savepoint-on-deletion is false by default: a stateless stop.
        flinkService.CancelJob(pass, SuspendMode.Stateless, _ => { });
        if (pass.App.Cluster is not null)
        {
            flinkService.DeleteClusterDeployment(pass, deleteHaData: true);
        }
    }

    /// <summary>
    /// updateStatusBeforeFirstDeployment (L237-254): the first deployment records upgradeMode stateless (savepoint with an
    /// initialSavepointPath), whatever the spec says; an IGNORE-only change of it later is never recorded.
    /// </summary>
    private static void UpdateStatusBeforeFirstDeployment(ReconcilePass pass)
    {
        if (pass.Spec["job"] is JsonObject job)
        {
            var initial = job.StringAt("initialSavepointPath");
            if (initial is not null)
            {
                pass.Status.UpgradeSavepointPath = initial;
            }
            job["upgradeMode"] = initial is null ? JobSpecValues.Stateless : JobSpecValues.Savepoint;
        }
        StatusUpdates.BeforeDeploymentAttempt(pass);
        pass.WriteStatus();
    }

    /// <summary>AbstractJobReconciler.reconcileSpecChange (L112-212); true when a spec change action was taken.</summary>
    private bool ReconcileSpecChange(DiffType diffType, ReconcilePass pass, ReconciledSpec last)
    {
        var desired = JobSpec.StateOf(pass.Spec);
        if (diffType == DiffType.SavepointRedeploy)
        {
            RedeployWithSavepoint(pass, desired);
            return true;
        }
        if (last.JobState == JobSpecValues.Running)
        {
            var upgrade = GetJobUpgrade(pass, last);
            if (!upgrade.Available)
            {
                return !upgrade.AllowOtherReconcileActions;
            }
            var mode = upgrade.SuspendMode!.Value;
            if (mode != SuspendMode.Noop)
            {
                events.Emit(pass.FlinkDeployment, OperatorEvents.Normal, "Suspended", OperatorEvents.ComponentJobManagerDeployment, MsgSuspended);
            }
            var result = CancelJob(pass, mode, afterSavepoint: r => AfterJobStopped(pass, last, upgrade, desired, r));
            AfterJobStopped(pass, last, upgrade, desired, result);
            return true;
        }
        if (last.JobState == JobSpecValues.Suspended && desired == JobSpecValues.Running)
        {
            Resume(pass, last);
        }
        return true;
    }

    /// <summary>The rest of reconcileSpecChange once the job stopped (L155-210); also the continuation of a savepoint stop.</summary>
    private void AfterJobStopped(ReconcilePass pass, ReconciledSpec last, JobUpgrade upgrade, string desired, CancelResult result)
    {
        var status = pass.Status;
        if (result.Pending)
        {
            // Async cancellation: UPGRADING with the old spec recorded in the restore mode; observedGeneration stays.
            status.ReconciliationState = OperatorReconciliationStates.Upgrading;
            StatusUpdates.LastReconciledSpec(status, spec => JobSpec.With(spec, upgradeMode: upgrade.RestoreMode), firstDeployment: false);
            return;
        }
        JobSpec.SetUpgradeMode(pass.Spec, upgrade.RestoreMode!);
        if (desired == JobSpecValues.Running)
        {
            StatusUpdates.BeforeDeploymentAttempt(pass);
        }
        else
        {
            StatusUpdates.ForDeployedSpec(pass);
        }
        if (upgrade.SuspendMode == SuspendMode.Noop)
        {
            // Already stopped: restore at once rather than on the next pass.
            var stopped = last with { Spec = JobSpec.With(last.Spec, state: JobSpecValues.Suspended, upgradeMode: upgrade.RestoreMode) };
            if (desired == JobSpecValues.Running)
            {
                Resume(pass, stopped);
            }
        }
    }

    /// <summary>The SUSPENDED to RUNNING branch of reconcileSpecChange (L191-210).</summary>
    private void Resume(ReconcilePass pass, ReconciledSpec last)
    {
        if (JobSpec.UpgradeModeOf(pass.Spec) != JobSpecValues.Stateless)
        {
            JobSpec.SetUpgradeMode(pass.Spec, last.UpgradeMode);
        }
        StatusUpdates.BeforeDeploymentAttempt(pass);
        pass.WriteStatus();
        RestoreJob(pass, pass.Spec, requireHaMetadata: last.UpgradeMode == JobSpecValues.LastState, withGenerationAnnotation: true);
        StatusUpdates.ForDeployedSpec(pass);
    }

    /// <summary>
    /// ApplicationReconciler.getJobUpgrade (L82-130) over AbstractJobReconciler.getJobUpgrade (L214-301): how the running
    /// job can be stopped for this change, or why it cannot be yet.
    /// </summary>
    private JobUpgrade GetJobUpgrade(ReconcilePass pass, ReconciledSpec last)
    {
        var upgrade = GetJobUpgradeByMode(pass);
        if (upgrade.Available)
        {
            return upgrade;
        }
        var status = pass.Status;
        if (upgrade.AllowFallback && FlinkConfiguration.IsHighAvailabilityEnabled(pass.Spec) && FlinkService.IsHaMetadataAvailable(pass))
        {
            return JobUpgrade.LastStateUsingHaMeta();
        }
        if (status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Missing
            && last.UpgradeMode != JobSpecValues.LastState
            && pass.App.Cluster is { } cluster && NativeCluster.NeverStarted(cluster))
        {
            // deleteJmThatNeverStarted: the job is marked FAILED and its JobManager deleted, then the choice is made again.
            status.SetJobState(OperatorJobStates.Failed);
            flinkService.DeleteClusterDeployment(pass, deleteHaData: false);
            return GetJobUpgrade(pass, last);
        }
        if (status.JobManagerDeploymentStatus is OperatorJobManagerStatuses.Missing or OperatorJobManagerStatuses.Error && !FlinkService.IsHaMetadataAvailable(pass))
        {
            throw new UpgradeFailureException(
                "JobManager deployment is missing and HA metadata is not available to make stateful upgrades. "
                + "It is possible that the job has finished or terminally failed, or the configmaps have been deleted.Manual restore required.",
                "UpgradeFailed");
        }
        return upgrade;
    }

    private static JobUpgrade GetJobUpgradeByMode(ReconcilePass pass)
    {
        var status = pass.Status;
        var upgradeMode = JobSpec.UpgradeModeOf(pass.Spec);
        var terminal = status.JobState is { } state && OperatorJobStates.IsGloballyTerminal(state);
        if (upgradeMode == JobSpecValues.Stateless)
        {
            return JobUpgrade.Stateless(terminal);
        }
        if (UseStatusSavepoint(pass, terminal))
        {
            if (status.UpgradeSavepointPath is null or LastStateDummySavepointPath && status.Json.NodeAt("jobStatus", "savepointInfo", "lastSavepoint") is null)
            {
                throw new UpgradeFailureException(
                    "Job is in terminal state but last checkpoint is unknown, possibly due to an unrecoverable restore error. Manual restore required.",
                    "UpgradeFailed");
            }
            return JobUpgrade.Savepoint(terminal: true);
        }
        if (status.JobState == OperatorJobStates.Cancelling)
        {
            return JobUpgrade.PendingCancellation();
        }
        var running = status.JobState == OperatorJobStates.Running;
        var versionChanged = StatusUpdates.DeployedSpec(status)?.Spec.StringAt("flinkVersion") != pass.Spec.StringAt("flinkVersion");
        if (upgradeMode == JobSpecValues.Savepoint)
        {
            if (running)
            {
                return JobUpgrade.Savepoint(terminal: false);
            }
            if (!versionChanged && !FlinkConfiguration.GetBool(pass.Spec, FlinkConfiguration.LastStateFallbackEnabled, true))
            {
                return JobUpgrade.PendingUpgrade();
            }
            upgradeMode = JobSpecValues.LastState;
            JobSpec.SetUpgradeMode(pass.Spec, upgradeMode);
        }
        if (upgradeMode == JobSpecValues.LastState)
        {
            if (versionChanged)
            {
                return running && FlinkConfiguration.Get(pass.Spec, FlinkConfiguration.SavepointDirectory) is not null ? JobUpgrade.Savepoint(terminal: false)
                    : status.IsJobCancellable ? JobUpgrade.LastStateUsingCancel()
                    : JobUpgrade.PendingUpgrade();
            }
            // allowLastStateCancel: without HA metadata the job is cancelled and restored from its last checkpoint (1.10+).
            var cancellable = status.IsJobCancellable
                && (!FlinkService.IsHaMetadataAvailable(pass) || FlinkConfiguration.GetBool(pass.Spec, FlinkConfiguration.LastStateCancelJob, false));
            if (running)
            {
                return cancellable ? JobUpgrade.LastStateUsingCancel() : JobUpgrade.LastStateUsingHaMeta();
            }
            if (cancellable)
            {
                return JobUpgrade.LastStateUsingCancel();
            }
        }
        return JobUpgrade.Unavailable();
    }

    /// <summary>useStatusSavepoint (L307-333, 1.15): a terminal job resumes from what the status recorded.</summary>
    private static bool UseStatusSavepoint(ReconcilePass pass, bool terminal) =>
        terminal && (pass.Status.JobState == OperatorJobStates.Canceled || !FlinkService.IsHaMetadataAvailable(pass)
            || pass.Status.JobManagerDeploymentStatus == OperatorJobManagerStatuses.Ready);

    /// <summary>ApplicationReconciler.cancelJob (L230-240): the stop, and the upgrade savepoint it took.</summary>
    private CancelResult CancelJob(ReconcilePass pass, SuspendMode mode, Action<CancelResult> afterSavepoint)
    {
        var result = flinkService.CancelJob(pass, mode, r =>
        {
            RecordUpgradeSavepoint(pass, r.SavepointPath);
            afterSavepoint(r);
        });
        RecordUpgradeSavepoint(pass, result.SavepointPath);
        return result;
    }

    /// <summary>
    /// setUpgradeSavepointPath (L437-469): an UPGRADE FlinkStateSnapshot that already exists at the path when snapshot
    /// resources are enabled (FlinkStateSnapshotUtils.createUpgradeSnapshotResource L211-233), the path as
    /// upgradeSavepointPath, and only without a snapshot resource the deprecated savepointInfo.
    /// </summary>
    private void RecordUpgradeSavepoint(ReconcilePass pass, string? location)
    {
        if (location is null)
        {
            return;
        }
        var format = StateSnapshots.SavepointFormat(pass.Spec);
        var created = StateSnapshots.IsEnabled(pass.Spec, pass.Release)
            ? snapshots.CreateSavepoint(pass.FlinkDeployment, location, SnapshotTriggerType.Upgrade, format,
                FlinkConfiguration.GetBool(pass.Spec, StateSnapshots.DisposeOnDelete, false), pass.Now)
            : null;
        pass.Status.UpgradeSavepointPath = location;
        if (created is null)
        {
            pass.Status.RecordUpgradeSavepoint(location, pass.Now, format);
        }
    }

    /// <summary>restoreJob (L402-427): a savepoint restore starts from upgradeSavepointPath.</summary>
    private void RestoreJob(ReconcilePass pass, JsonObject spec, bool requireHaMetadata, bool withGenerationAnnotation)
    {
        var savepoint = JobSpec.UpgradeModeOf(spec) == JobSpecValues.Savepoint
            ? pass.Status.UpgradeSavepointPath ?? pass.Status.Json.StringAt("jobStatus", "savepointInfo", "lastSavepoint", "location")
            : null;
        Deploy(pass, spec, savepoint, requireHaMetadata, withGenerationAnnotation);
    }

    /// <summary>
    /// ApplicationReconciler.deploy (L143-196): a JobManager still there (its job has ended) is deleted first and
    /// JobManager MISSING written; then the job id (setJobIdIfNecessary), the Submit event, the new cluster.
    /// </summary>
    private void Deploy(ReconcilePass pass, JsonObject spec, string? savepoint, bool requireHaMetadata, bool withGenerationAnnotation = true)
    {
        var status = pass.Status;
        if (savepoint is null && requireHaMetadata && FlinkService.IsHaMetadataAvailable(pass))
        {
            status.UpgradeSavepointPath = LastStateDummySavepointPath;
        }
        if (status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Missing)
        {
            flinkService.DeleteClusterDeployment(pass, deleteHaData: !requireHaMetadata);
            pass.WriteStatus();
        }
        SetJobIdIfNecessary(pass, lastStateDeploy: requireHaMetadata);
        events.Emit(pass.FlinkDeployment, OperatorEvents.Normal, "Submit", OperatorEvents.ComponentJobManagerDeployment, MsgSubmit);
        flinkService.SubmitApplicationCluster(pass, spec, savepoint, requireHaMetadata, withGenerationAnnotation,
            rollingBack: status.ReconciliationState == OperatorReconciliationStates.RollingBack);
        status.SetJobState(OperatorJobStates.Reconciling);
        status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Deploying;
    }

    /// <summary>setJobIdIfNecessary (L198-228): a new job id for every deploy but a last-state one, written before the cluster exists.</summary>
    private void SetJobIdIfNecessary(ReconcilePass pass, bool lastStateDeploy)
    {
        if (pass.Status.JobId is null || !lastStateDeploy)
        {
            pass.Status.JobId = flinkService.NewJobId();
            pass.WriteStatus();
        }
    }

    /// <summary>redeployWithSavepoint (L619-645): a changed savepointRedeployNonce redeploys from initialSavepointPath.</summary>
    private void RedeployWithSavepoint(ReconcilePass pass, string desired)
    {
        flinkService.CancelJob(pass, SuspendMode.Stateless, _ => { });
        JobSpec.SetUpgradeMode(pass.Spec, JobSpecValues.Savepoint);
        var savepoint = pass.Spec.StringAt("job", "initialSavepointPath");
        pass.Status.UpgradeSavepointPath = savepoint;
        if (desired == JobSpecValues.Running)
        {
            Deploy(pass, pass.Spec, savepoint, requireHaMetadata: false);
        }
        StatusUpdates.ForDeployedSpec(pass);
        pass.Status.MarkReconciledSpecStable();
    }

    /// <summary>checkNewSpecAlreadyDeployed (L334-349): a spec equal to what runs is recorded as deployed, nothing else happens.</summary>
    private static bool CheckNewSpecAlreadyDeployed(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.ReconciliationState is OperatorReconciliationStates.Upgrading or OperatorReconciliationStates.RollingBack
            || StatusUpdates.DeployedSpec(status) is not { } deployed
            || !JsonEquivalence.AreEquivalent(pass.Spec, deployed.Spec))
        {
            return false;
        }
        StatusUpdates.ForDeployedSpec(pass);
        return true;
    }

    /// <summary>scale (L360-370): an in-place scale records the spec as deployed.</summary>
    private bool Scale(ReconcilePass pass)
    {
        if (!flinkService.Scale(pass, events))
        {
            return false;
        }
        StatusUpdates.ForDeployedSpec(pass);
        return true;
    }

    /// <summary>shouldRollBack (L383-442).</summary>
    private static bool ShouldRollBack(ReconcilePass pass, bool specChanged, ReconciledSpec last)
    {
        var status = pass.Status;
        if (status.ReconciliationState == OperatorReconciliationStates.RollingBack)
        {
            return true;
        }
        if (specChanged
            || !FlinkConfiguration.IsRollbackEnabled(pass.Spec)
            || status.ReconciliationState == OperatorReconciliationStates.RolledBack
            || status.IsLastReconciledSpecStable
            || status.Stable is not { } stable
            || stable.JobState == JobSpecValues.Suspended
            || stable.Spec.StringAt("flinkVersion") != pass.Spec.StringAt("flinkVersion"))
        {
            return false;
        }
        var reconciledAt = DateTimeOffset.FromUnixTimeMilliseconds(status.ReconciliationTimestamp);
        if (pass.Now - FlinkConfiguration.GetReadinessTimeout(pass.Spec) <= reconciledAt)
        {
            return false;
        }
        if (last.UpgradeMode == JobSpecValues.Savepoint && pass.App.Cluster is { } cluster && NativeCluster.NeverStarted(cluster))
        {
            // No HA data as the JobManager never started, but the savepoint it started from is safe to go back to.
            return true;
        }
        return FlinkService.IsHaMetadataAvailable(pass);
    }

    /// <summary>
    /// prepareCrForRollback (L444-487): ROLLING_BACK and the Rollback event the first time; the spec becomes lastStableSpec,
    /// restored last-state (stateless if the failed spec was stateless). Returns the recorded spec as the pass sees it.
    /// </summary>
    private ReconciledSpec PrepareForRollback(ReconcilePass pass, bool specChanged, ReconciledSpec last)
    {
        var status = pass.Status;
        if (status.ReconciliationState != OperatorReconciliationStates.RollingBack)
        {
            status.ReconciliationState = OperatorReconciliationStates.RollingBack;
            events.Emit(pass.FlinkDeployment, OperatorEvents.Normal, "Rollback", OperatorEvents.ComponentJobManagerDeployment, MsgRollback);
        }
        else
        {
            // The rollback's own suspended state is recorded nowhere; this makes the next step restore rather than cancel.
            last = last with { Spec = JobSpec.With(last.Spec, state: JobSpecValues.Suspended) };
        }
        if (specChanged)
        {
            status.ReconciliationState = OperatorReconciliationStates.Upgrading;
            return last;
        }
        var restoreMode = last.UpgradeMode == JobSpecValues.Stateless ? JobSpecValues.Stateless : JobSpecValues.LastState;
        pass.Spec = JobSpec.With(status.Stable!.Spec, upgradeMode: restoreMode);
        return last;
    }

    /// <summary>reconcileOtherChanges (AbstractJobReconciler L478-495, ApplicationReconciler L269-316): snapshot triggers, recovery, then the TTL.</summary>
    private void ReconcileOtherChanges(ReconcilePass pass)
    {
        if (snapshotTriggers.TriggerIfNeeded(pass))
        {
            return;
        }
        if (ShouldRecoverDeployment(pass))
        {
            events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, "RecoverDeployment", OperatorEvents.ComponentJob, MsgRecovery);
            ResubmitJob(pass, requireHaMetadata: FlinkConfiguration.IsHighAvailabilityEnabled(pass.Spec));
            return;
        }
        CleanupTerminalJmAfterTtl(pass);
    }

    /// <summary>shouldRecoverDeployment (L498-533): a running deployment lost its JobManager and can come back (stateless, or HA).</summary>
    private static bool ShouldRecoverDeployment(ReconcilePass pass)
    {
        var status = pass.Status;
        if (!FlinkConfiguration.GetBool(pass.Spec, FlinkConfiguration.DeploymentRecoveryEnabled, true)
            || StatusUpdates.DeployedSpec(status) is not { } deployed
            || deployed.JobState != JobSpecValues.Running
            || status.JobState is { } state && OperatorJobStates.IsGloballyTerminal(state)
            || status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Missing)
        {
            return false;
        }
        return JobSpec.UpgradeModeOf(pass.Spec) == JobSpecValues.Stateless || FlinkConfiguration.IsHighAvailabilityEnabled(pass.Spec);
    }

    /// <summary>resubmitJob (L599-617): the recorded spec again, from HA or the last savepoint, with the observe config (no generation annotation).</summary>
    private void ResubmitJob(ReconcilePass pass, bool requireHaMetadata)
    {
        var status = pass.Status;
        var spec = StatusUpdates.DeployedSpec(status)!.Spec;
        var lastSavepointKnown = status.UpgradeSavepointPath is not null || status.Json.NodeAt("jobStatus", "savepointInfo", "lastSavepoint") is not null;
        if (requireHaMetadata)
        {
            spec = JobSpec.With(spec, upgradeMode: JobSpecValues.LastState);
        }
        else if (JobSpec.UpgradeModeOf(pass.Spec) != JobSpecValues.Stateless && lastSavepointKnown)
        {
            spec = JobSpec.With(spec, upgradeMode: JobSpecValues.Savepoint);
        }
        RestoreJob(pass, spec, requireHaMetadata, withGenerationAnnotation: false);
    }

    /// <summary>cleanupTerminalJmAfterTtl (L361-385): a JobManager left after its job ended goes once the shutdown TTL passed.</summary>
    private void CleanupTerminalJmAfterTtl(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.JobState is not { } state || !OperatorJobStates.IsGloballyTerminal(state)
            || status.JobManagerDeploymentStatus == OperatorJobManagerStatuses.Missing
            || !long.TryParse(status.UpdateTime, out var updated))
        {
            return;
        }
        if (pass.Now > DateTimeOffset.FromUnixTimeMilliseconds(updated) + FlinkConfiguration.GetShutdownTtl(pass.Spec))
        {
            flinkService.DeleteClusterDeployment(pass, deleteHaData: false);
        }
    }

    /// <summary>When the shutdown TTL of an ended job's JobManager passes, if one is waiting for it.</summary>
    public static DateTimeOffset? ShutdownTtlDue(ReconcilePass pass)
    {
        var status = pass.Status;
        return status.JobState is { } state && OperatorJobStates.IsGloballyTerminal(state)
            && status.JobManagerDeploymentStatus != OperatorJobManagerStatuses.Missing
            && long.TryParse(status.UpdateTime, out var updated)
                ? DateTimeOffset.FromUnixTimeMilliseconds(updated) + FlinkConfiguration.GetShutdownTtl(pass.Spec)
                : null;
    }
}
