using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// AbstractJobReconciler.triggerSnapshotIfNeeded (L506-597) with SnapshotUtils.shouldTriggerSnapshot (L141-209) for
/// savepoints in resource mode: a changed <c>job.savepointTriggerNonce</c> makes a MANUAL FlinkStateSnapshot, and
/// <c>kubernetes.operator.periodic.savepoint.interval</c> a PERIODIC one once the interval has passed since the last
/// periodic trigger (SnapshotTriggerTimestampStore). The snapshot controller takes the savepoint.
/// </summary>
internal sealed class SnapshotTriggers(StateSnapshotResources snapshots)
{
    /// <summary>True when a snapshot was triggered (reconcileOtherChanges then does nothing else in this pass).</summary>
    public bool TriggerIfNeeded(ReconcilePass pass)
    {
        var status = pass.Status;
        if (!StateSnapshots.IsEnabled(pass.Spec, pass.Release) || status.JobState != OperatorJobStates.Running || status.Reconciled is not { } reconciled)
        {
            return false;
        }
        // triggerSavepoint needs state.savepoints.dir (Preconditions.checkNotNull): without it FKO's pass fails; not simulated.
        if (FlinkConfiguration.Get(pass.Spec, FlinkConfiguration.SavepointDirectory) is not { } directory)
        {
            return false;
        }
        var nonce = pass.Spec.NodeAt("job", "savepointTriggerNonce");
        var nonceChanged = nonce is JsonValue && !JsonEquivalence.AreEquivalent(nonce, reconciled.Spec.NodeAt("job", "savepointTriggerNonce"));
        string triggerType;
        if (nonceChanged)
        {
            triggerType = SnapshotTriggerType.Manual;
        }
        else if (PeriodicDue(pass))
        {
            triggerType = SnapshotTriggerType.Periodic;
            pass.App.LastPeriodicSavepointTrigger = pass.Now;
        }
        else
        {
            return false;
        }
        snapshots.CreateSavepoint(pass.FlinkDeployment, directory, triggerType, StateSnapshots.SavepointFormat(pass.Spec),
            FlinkConfiguration.GetBool(pass.Spec, StateSnapshots.DisposeOnDelete, false), pass.Now);
        if (triggerType == SnapshotTriggerType.Manual)
        {
            // ReconciliationUtils.updateLastReconciledSnapshotTriggerNonce (L190-212): the nonce is recorded as reconciled.
            StatusUpdates.LastReconciledSpec(status, spec =>
            {
                spec.GetOrAddObject("job")["savepointTriggerNonce"] = nonce!.DeepClone();
                return spec;
            });
            status.ReconciliationTimestamp = pass.Now.ToUnixTimeMilliseconds();
        }
        return true;
    }

    /// <summary>
    /// shouldTriggerIntervalBasedSnapshot (L269-284): the last trigger plus the interval is before now. The last trigger is
    /// remembered in memory; at first it is the newest completed periodic savepoint's creation, else the resource's
    /// creation (getLastPeriodicTriggerInstant L60-101). Cron expressions are not simulated.
    /// </summary>
    private bool PeriodicDue(ReconcilePass pass)
    {
        if (FlinkConfiguration.ParseDuration(FlinkConfiguration.Get(pass.Spec, StateSnapshots.PeriodicSavepointInterval)) is not { } interval
            || interval <= TimeSpan.Zero)
        {
            return false;
        }
        pass.App.LastPeriodicSavepointTrigger ??= LastCompletedPeriodic(pass)
            ?? KubernetesTime.Parse(pass.FlinkDeployment.StringAt("metadata", "creationTimestamp"))
            ?? pass.Now;
        return pass.App.LastPeriodicSavepointTrigger.Value + interval < pass.Now;
    }

    private DateTimeOffset? LastCompletedPeriodic(ReconcilePass pass) =>
        snapshots.Of(pass.App.Key)
            .Select(s => s.ToJsonObject())
            .Where(s => s.StringAt("status", "state") == OperatorSnapshotStates.Completed
                && s.NodeAt("spec", "savepoint") is not null
                && s.StringAt("metadata", "labels", StateSnapshots.LabelTriggerType) == SnapshotTriggerType.Periodic)
            .Select(s => KubernetesTime.Parse(s.StringAt("metadata", "creationTimestamp")))
            .Max();
}
