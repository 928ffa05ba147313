using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>The status bookkeeping of FKO's reconciler/ReconciliationUtils.java, method for method.</summary>
internal static class StatusUpdates
{
    /// <summary>updateStatusBeforeDeploymentAttempt (L108-111): record the target spec as suspended and UPGRADING.</summary>
    public static void BeforeDeploymentAttempt(ReconcilePass pass) =>
        ForSpecReconciliation(pass, JobSpecValues.Suspended, upgrading: true);

    /// <summary>updateStatusForDeployedSpec (L83-88): record the spec with its own job state, DEPLOYED.</summary>
    public static void ForDeployedSpec(ReconcilePass pass) =>
        ForSpecReconciliation(pass, JobSpec.StateOf(pass.Spec), upgrading: false);

    /// <summary>updateStatusForSpecReconciliation (L120-188).</summary>
    public static void ForSpecReconciliation(ReconcilePass pass, string stateAfterReconcile, bool upgrading)
    {
        var status = pass.Status;
        status.Error = null;
        status.ReconciliationTimestamp = pass.Now.ToUnixTimeMilliseconds();
        var state = status.ReconciliationState == OperatorReconciliationStates.RollingBack
            ? (upgrading ? OperatorReconciliationStates.RollingBack : OperatorReconciliationStates.RolledBack)
            : (upgrading ? OperatorReconciliationStates.Upgrading : OperatorReconciliationStates.Deployed);
        status.ReconciliationState = state;
        var previous = status.Reconciled;
        if (state is OperatorReconciliationStates.RollingBack or OperatorReconciliationStates.RolledBack)
        {
            // The failed spec stays recorded; only its upgrade mode follows the rollback's, so the next upgrade keeps state.
            if (previous is not null)
            {
                status.LastReconciledSpec = (previous with { Spec = JobSpec.With(previous.Spec, upgradeMode: JobSpec.UpgradeModeOf(pass.Spec)) }).Serialize();
            }
            return;
        }
        var recorded = JobSpec.With(pass.Spec, state: stateAfterReconcile);
        if (previous is not null)
        {
            // The snapshot triggers of the last reconciled spec are kept, so an upgrade does not lose a new trigger.
            var job = recorded.GetOrAddObject("job");
            job["savepointTriggerNonce"] = previous.Spec.NodeAt("job", "savepointTriggerNonce")?.DeepClone();
            job["checkpointTriggerNonce"] = previous.Spec.NodeAt("job", "checkpointTriggerNonce")?.DeepClone();
        }
        SetTaskManagerInfo(pass, stateAfterReconcile);
        SerializeAndSetLastReconciledSpec(pass, recorded);
        if (JobSpec.StateOf(pass.Spec) == JobSpecValues.Suspended)
        {
            // A job the user suspended is stable at once.
            status.MarkReconciledSpecStable();
        }
    }

    /// <summary>updateReconciliationMetadata (L552-561): the old spec again with fresh metadata; observedGeneration catches up.</summary>
    public static void ReconciliationMetadata(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.Reconciled is not { } last)
        {
            return;
        }
        status.LastReconciledSpec = pass.Record(last.Spec, FirstDeployment(status, last)).Serialize();
        status.ObservedGeneration = pass.Generation;
    }

    /// <summary>updateLastReconciledSpec (L563-571): changes the recorded spec in place; observedGeneration stays.</summary>
    public static void LastReconciledSpec(OperatorDeploymentStatus status, Func<JsonObject, JsonObject> change, bool? firstDeployment = null)
    {
        if (status.Reconciled is not { } last)
        {
            return;
        }
        status.LastReconciledSpec = (last with { Spec = change(last.Spec), FirstDeployment = firstDeployment ?? last.FirstDeployment }).Serialize();
    }

    /// <summary>checkAndUpdateStableSpec (L505-528): a DEPLOYED spec is stable once its job runs, or finished on its own.</summary>
    public static void CheckAndUpdateStableSpec(OperatorDeploymentStatus status)
    {
        if (status.ReconciliationState != OperatorReconciliationStates.Deployed)
        {
            return;
        }
        if (status.JobState == OperatorJobStates.Running
            || (status.JobState == OperatorJobStates.Finished && status.Reconciled?.JobState == JobSpecValues.Running))
        {
            status.MarkReconciledSpecStable();
        }
    }

    /// <summary>getDeployedSpec (L346-355): what runs: lastStableSpec after a rollback, else lastReconciledSpec.</summary>
    public static ReconciledSpec? DeployedSpec(OperatorDeploymentStatus status) =>
        status.ReconciliationState == OperatorReconciliationStates.RolledBack ? status.Stable : status.Reconciled;

    /// <summary>updateStatusForAlreadyUpgraded (L537-550): a deployment the operator made but did not record.</summary>
    public static void AlreadyUpgraded(OperatorDeploymentStatus status)
    {
        LastReconciledSpec(status, spec => JobSpec.With(spec, state: JobSpecValues.Running));
        status.SetJobState(OperatorJobStates.Reconciling);
        status.ReconciliationState = OperatorReconciliationStates.Deployed;
    }

    /// <summary>clearLastReconciledSpecIfFirstDeploy (L484-497): a first deployment that never appeared is forgotten.</summary>
    public static void ClearLastReconciledSpecIfFirstDeploy(OperatorDeploymentStatus status)
    {
        if (status.Reconciled is { FirstDeployment: true })
        {
            status.LastReconciledSpec = null;
            status.ReconciliationState = OperatorReconciliationStates.Upgrading;
        }
    }

    // ReconciliationStatus.serializeAndSetLastReconciledSpec (L79-84) with ReconciliationMetadata.from evaluated now.
    private static void SerializeAndSetLastReconciledSpec(ReconcilePass pass, JsonObject spec)
    {
        var status = pass.Status;
        var previous = status.Reconciled;
        var firstDeployment = previous is null || (status.ReconciliationState == OperatorReconciliationStates.Deployed && previous.FirstDeployment);
        status.LastReconciledSpec = pass.Record(spec, firstDeployment).Serialize();
        status.ObservedGeneration = pass.Generation;
    }

    private static bool FirstDeployment(OperatorDeploymentStatus status, ReconciledSpec last) =>
        status.ReconciliationState == OperatorReconciliationStates.Deployed && last.FirstDeployment;

    // getTaskManagerInfo (L242-250): ceil(parallelism / slots) TaskManagers while the recorded job runs.
    private static void SetTaskManagerInfo(ReconcilePass pass, string jobState)
    {
        if (jobState == JobSpecValues.Running)
        {
            pass.Status.SetTaskManager($"component=taskmanager,app={pass.Name}", JobSpec.TaskManagerCount(pass.Spec));
        }
        else
        {
            pass.Status.SetTaskManager("", 0);
        }
    }
}
