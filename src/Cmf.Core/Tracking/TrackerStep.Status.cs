using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Tracking;

internal sealed partial class TrackerStep
{
    /// <summary>The dummy path FKO records for a last-state deployment (AbstractJobReconciler.LAST_STATE_DUMMY_SP_PATH): not a savepoint.</summary>
    private const string LastStateDummySavepointPath = "KUBERNETES_OPERATOR_LAST_STATE";

    private void ApplyStatus(SpecVersion spec, FlinkDeploymentStatusSnapshot status)
    {
        var before = _state.Status.Reported;
        _state = _state with { Status = _state.Status with { Reported = status, FlinkVersion = spec.FlinkVersion, UpgradeMode = spec.UpgradeMode } };
        if (before.LifecycleState != status.LifecycleState && status.LifecycleState is { } lifecycle)
        {
            Record(AppEventKind.LifecycleChanged, $"Lifecycle {FlinkStateNames.ToWire(lifecycle)}", newStatus: FlinkStateNames.ToWire(lifecycle));
        }
        MarkReconciled(status);
        FollowLiveCluster(status);
        TrackErrorEpisode(before.Error, status.Error);
        var write = StatusWrite.Classify(status, before);
        if (write.IsStop)
        {
            AttributeStop(status, write);
        }
        else if (StatusTarget(status) is { } target && !IsFrozen(target))
        {
            ApplyInstanceStatus(target, status);
        }
    }

    /// <summary>Rule 5: the operator took the latest generation on; the instance is no longer pending.</summary>
    private void MarkReconciled(FlinkDeploymentStatusSnapshot status)
    {
        if (status.ObservedGeneration is { } observed
            && _state.LatestInstance is { ReconciledAt: null } latest
            && latest.ObjectUid == _state.ObjectUid
            && observed >= latest.Generation)
        {
            Replace(latest with { ReconciledAt = _now });
        }
    }

    /// <summary>What a status write says about the live cluster: leaving, handed over in place, or stable.</summary>
    private void FollowLiveCluster(FlinkDeploymentStatusSnapshot status)
    {
        if (_state.LiveCluster is not { } live || _state.FindInstance(live.OwnerInstanceUid) is not { } owner)
        {
            return;
        }
        if (!live.Departing && IsLeaving(owner, status))
        {
            live = live with { Departing = true };
            Replace(live);
        }
        else if (HandOverTarget(live, owner, status) is { } newer)
        {
            HandOver(live, owner, newer);
            live = _state.FindCluster(live.Uid)!;
        }
        if (status.LifecycleState == LifecycleState.Stable && !live.Departing && live.StableInstanceUid != live.OwnerInstanceUid)
        {
            Replace(live with { StableInstanceUid = live.OwnerInstanceUid });
        }
    }

    /// <summary>
    /// The operator is replacing the cluster: it reports the JobManager missing, or it upgrades or rolls back to a
    /// generation newer than the one the cluster runs.
    /// </summary>
    private static bool IsLeaving(InstanceState owner, FlinkDeploymentStatusSnapshot status) =>
        status.JobManagerDeploymentStatus == JobManagerDeploymentStatus.Missing
        || (status.ReconciliationState is ReconciliationState.Upgrading or ReconciliationState.RollingBack
            && status.ObservedGeneration > owner.Generation);

    /// <summary>
    /// Rule 3: a newer generation reconciled (DEPLOYED) on the same ready JobManager and the same job is an IGNORE
    /// or SCALE change applied in place. A revert to the spec the cluster already runs changes nothing on it.
    /// </summary>
    private InstanceState? HandOverTarget(ClusterState live, InstanceState owner, FlinkDeploymentStatusSnapshot status)
    {
        if (live.Departing
            || status.ReconciliationState != ReconciliationState.Deployed
            || status.JobManagerDeploymentStatus != JobManagerDeploymentStatus.Ready
            || status.LifecycleState is not (LifecycleState.Deployed or LifecycleState.Stable)
            || status.ObservedGeneration is not { } observed
            || (owner.JobId is not null && status.JobId != owner.JobId))
        {
            return null;
        }
        return InstanceOfGeneration(observed, fallBackToLatest: false) is { } reconciled
            && reconciled.Sequence > owner.Sequence
            && reconciled.SpecHash != owner.SpecHash
                ? reconciled
                : null;
    }

    /// <summary>
    /// Rule 4: status goes to the instance the live cluster runs; with none live, to the instance of
    /// observedGeneration. A status of a newer generation that cannot describe the live cluster (it is on its way
    /// out, or the job or JobManager differ) describes the cluster that replaces it, not yet seen on its watch.
    /// </summary>
    private InstanceState? StatusTarget(FlinkDeploymentStatusSnapshot status)
    {
        var ofGeneration = status.ObservedGeneration is { } observed ? InstanceOfGeneration(observed) : _state.LatestInstance;
        if (_state.LiveCluster is not { } live || _state.FindInstance(live.OwnerInstanceUid) is not { } owner)
        {
            return ofGeneration;
        }
        // A cluster made for that generation (a rollback's, or a recovered one) is the one the status describes.
        var madeForOlder = live.Generation is not { } made || made < status.ObservedGeneration;
        var describesNewer = madeForOlder && (live.Departing
            || (owner.JobId is not null && status.JobId is not null && status.JobId != owner.JobId)
            || status.JobManagerDeploymentStatus is JobManagerDeploymentStatus.Deploying or JobManagerDeploymentStatus.DeployedNotReady);
        return describesNewer && ofGeneration is not null && ofGeneration.Sequence > owner.Sequence && ofGeneration.SpecHash != owner.SpecHash
            ? ofGeneration
            : owner;
    }

    /// <summary>
    /// A terminal job state written while the operator upgrades, rolls back or suspends belongs to the instance whose
    /// cluster ran the job; the instance the operator moves to only takes the lifecycle.
    /// </summary>
    private void AttributeStop(FlinkDeploymentStatusSnapshot status, StatusWrite write)
    {
        var stopped = _state.LiveCluster is { } live ? _state.FindInstance(live.OwnerInstanceUid) : OwnerOfLastEndedCluster();
        if (stopped is not null)
        {
            ApplyStop(stopped, status, write);
        }
        if (status.ObservedGeneration is { } observed
            && InstanceOfGeneration(observed, fallBackToLatest: false) is { } reconciled
            && reconciled.Uid == _state.LatestInstance?.Uid
            && reconciled.Uid != stopped?.Uid
            && status.LifecycleState is { } lifecycle
            && reconciled.LifecycleState != lifecycle)
        {
            Replace(reconciled with { LifecycleState = lifecycle, StatusUpdatedAt = _now });
        }
    }

    private void ApplyStop(InstanceState instance, FlinkDeploymentStatusSnapshot status, StatusWrite write)
    {
        if (instance.JobState is null or JobState.Reconciling || instance.JobState.Value.IsGloballyTerminal()
            || status.ReconciliationState == ReconciliationState.RollingBack)
        {
            // Nothing ran that could be stopped, the job had already ended on its own (a finished or failed batch job),
            // or a failed deployment is being rolled back: FKO's bookkeeping FINISHED never replaces what the job did.
            return;
        }
        if (status.JobId is not null && instance.JobId is not null && status.JobId != instance.JobId)
        {
            // The next job's id, written before its cluster exists.
            return;
        }
        var updated = instance with
        {
            JobState = status.JobState,
            Stop = write.Stop,
            StopSavepointPath = write.NewSavepointPath,
            StatusUpdatedAt = _now,
        };
        Replace(updated);
        var wire = FlinkStateNames.ToWire(status.JobState!.Value);
        Record(AppEventKind.JobStateChanged, $"Job {wire} on instance #{instance.Sequence} ({write.Describe()})", instance.Uid, newStatus: wire);
    }

    private InstanceState? OwnerOfLastEndedCluster() =>
        _state.Clusters.Where(c => c.EndedAt is not null).MaxBy(c => c.EndedAt) is { } last ? _state.FindInstance(last.OwnerInstanceUid) : null;

    private void ApplyInstanceStatus(InstanceState target, FlinkDeploymentStatusSnapshot status)
    {
        if (status.JobState is null && status.LifecycleState is null && status.Error is null && status.JobId is null)
        {
            return;
        }
        var running = status.JobState is { } state && !state.IsGloballyTerminal();
        var updated = target with
        {
            JobState = status.JobState ?? target.JobState,
            JobId = status.JobId ?? target.JobId,
            LifecycleState = status.LifecycleState ?? target.LifecycleState,
            Error = status.Error,
            // A job that runs again (a rollback to this instance) is no longer the one that was stopped.
            Stop = running ? InstanceStop.None : target.Stop,
            StopSavepointPath = running ? null : target.StopSavepointPath,
        };
        if (updated == target)
        {
            return;
        }
        Replace(updated with { StatusUpdatedAt = _now });
        if (updated.JobState != target.JobState && updated.JobState is { } job)
        {
            var wire = FlinkStateNames.ToWire(job);
            Record(AppEventKind.JobStateChanged, $"Job {wire} on instance #{target.Sequence}", target.Uid, newStatus: wire);
        }
    }

    /// <summary>One status write, classified by what the operator was doing when it wrote it.</summary>
    private readonly record struct StatusWrite(InstanceStop Stop, string? NewSavepointPath)
    {
        public bool IsStop => Stop != InstanceStop.None;

        /// <summary>
        /// FKO writes FINISHED (or CANCELED after a cancel) when it stops a job to upgrade, roll back or suspend
        /// (<c>AbstractFlinkService.cancelJob</c>); only a savepoint stop records a new <c>upgradeSavepointPath</c> with FINISHED.
        /// </summary>
        public static StatusWrite Classify(FlinkDeploymentStatusSnapshot status, FlinkDeploymentStatusSnapshot before)
        {
            if (status.JobState is not (JobState.Finished or JobState.Canceled))
            {
                return default;
            }
            var stop = status.LifecycleState == LifecycleState.Suspended ? InstanceStop.Suspend
                : status.ReconciliationState is ReconciliationState.Upgrading or ReconciliationState.RollingBack ? InstanceStop.Upgrade
                : InstanceStop.None;
            // Stop-with-savepoint ends the job FINISHED; a cancelled job's path is its last checkpoint (SnapshotObserver).
            var savepoint = status.JobState == JobState.Finished
                && status.UpgradeSavepointPath is { } path && path != before.UpgradeSavepointPath && path != LastStateDummySavepointPath
                    ? path
                    : null;
            return new StatusWrite(stop, stop == InstanceStop.None ? null : savepoint);
        }

        public string Describe() => (Stop, NewSavepointPath) switch
        {
            (InstanceStop.Suspend, null) => "suspended",
            (InstanceStop.Suspend, _) => "suspended with a savepoint",
            (_, null) => "stopped for an upgrade",
            _ => "stopped with a savepoint for an upgrade",
        };
    }
}
