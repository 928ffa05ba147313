using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// FKO's FlinkDeploymentController (controller/FlinkDeploymentController.java): one pass observes, writes the status,
/// reconciles, turns the operator's exceptions into status errors and events, sets the Running condition and writes
/// again; then it says when to look next (ReconciliationUtils.toUpdateControl). Deletion runs cleanup.
/// </summary>
internal sealed class FlinkDeploymentController(
    ResourceStore store,
    SimulatorClock clock,
    NativeCluster nativeCluster,
    FlinkDeploymentObserver observer,
    FlinkDeploymentReconciler reconciler,
    StatusRecorder recorder,
    OperatorEvents events,
    OperatorTimings timings,
    OperatorRelease release)
{
    /// <summary>JOSDK's finalizer on the resources it reconciles.</summary>
    public const string Finalizer = "flinkdeployments.flink.apache.org/finalizer";

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
            return timings.ReconcileDelay;
        }
        if (app.Blocked is { } blocked && app.BlockedPass is { } waiting)
        {
            if (clock.Now < blocked.ResumesAt)
            {
                return blocked.ResumesAt - clock.Now;
            }
            app.Blocked = null;
            app.BlockedPass = null;
            waiting.Now = clock.Now;
            nativeCluster.Advance(app, flinkDeployment, clock.Now);
            return Finish(waiting, blocked.Resume);
        }

        var pass = new ReconcilePass(recorder, app, flinkDeployment, clock.Now, release);
        if (pass.Status.IsNew)
        {
            // FlinkDeployment.initStatus; StatusRecorder.updateStatusFromCache caches it without writing it.
            pass.Status.Initialize();
            pass.Status.Json["lifecycleState"] = LifecycleStates.Compute(pass.Status);
            app.LastWrittenStatus = pass.Status.Json.ToJsonString();
        }
        pass.ReconciliationStateAtStart = pass.Status.ReconciliationState;
        nativeCluster.Advance(app, flinkDeployment, pass.Now);
        try
        {
            observer.Observe(pass);
        }
        catch (DeploymentFailedException failed)
        {
            OnDeploymentFailed(pass, failed);
            return Finish(pass, reconcile: null);
        }
        pass.WriteStatus();
        return Finish(pass, () => reconciler.Reconcile(pass));
    }

    /// <summary>The rest of a pass: reconcile (or carry a blocked one on), handle what it threw, write, reschedule.</summary>
    private TimeSpan Finish(ReconcilePass pass, Action? reconcile)
    {
        try
        {
            reconcile?.Invoke();
        }
        catch (PassBlockedException blocked)
        {
            pass.App.Blocked = blocked;
            pass.App.BlockedPass = pass;
            return blocked.ResumesAt - pass.Now;
        }
        catch (UpgradeFailureException failure)
        {
            pass.Status.Error = failure.Json;
            events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, failure.Reason, OperatorEvents.ComponentJobManagerDeployment, failure.EventMessage);
        }
        catch (DeploymentFailedException failed)
        {
            OnDeploymentFailed(pass, failed);
        }
        catch (InvalidOperationException error)
        {
            // Any other exception: an Error event, the error recorded by JOSDK's updateErrorStatus, and a retry.
            events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, "Error", OperatorEvents.ComponentJobManagerDeployment, error.Message);
            pass.Status.Error = OperatorErrors.Serialize("org.apache.flink.kubernetes.operator.exception.ReconciliationException", error.Message);
            pass.WriteStatus();
            return RetryInterval;
        }
        if (release != OperatorRelease.V1_9)
        {
            pass.Status.SetRunningCondition(pass.Now);
        }
        pass.WriteStatus();
        return RescheduleAfter(pass);
    }

    /// <summary>kubernetes.operator.retry.initial.interval.</summary>
    private static TimeSpan RetryInterval => TimeSpan.FromSeconds(5);

    private void OnDeploymentFailed(ReconcilePass pass, DeploymentFailedException failed)
    {
        pass.Status.JobManagerDeploymentStatus = OperatorJobManagerStatuses.Error;
        pass.Status.SetJobState(OperatorJobStates.Reconciling);
        pass.Status.Error = failed.Json;
        events.Emit(pass.FlinkDeployment, OperatorEvents.Warning, failed.Reason, OperatorEvents.ComponentJobManagerDeployment, failed.Message);
    }

    /// <summary>ReconciliationUtils.toUpdateControl (L270-311) and rescheduleAfter (L313-340).</summary>
    private TimeSpan RescheduleAfter(ReconcilePass pass)
    {
        var status = pass.Status;
        if (status.JobState == OperatorJobStates.Cancelling)
        {
            return timings.ProgressCheckInterval;
        }
        if (status.ReconciliationState != pass.ReconciliationStateAtStart
            && status.ReconciliationState is OperatorReconciliationStates.Upgrading or OperatorReconciliationStates.RollingBack)
        {
            return TimeSpan.Zero;
        }
        var next = status.JobManagerDeploymentStatus switch
        {
            OperatorJobManagerStatuses.Deploying => timings.ProgressCheckInterval,
            OperatorJobManagerStatuses.DeployedNotReady => timings.RestApiReadyDelay,
            _ => timings.ReconcileInterval,
        };
        // The simulated world does not wait for the poll: a shutdown TTL that passes before it brings the pass forward.
        if (FlinkDeploymentReconciler.ShutdownTtlDue(pass) is { } due && due - pass.Now < next)
        {
            next = due - pass.Now + TimeSpan.FromMilliseconds(1);
        }
        return next < TimeSpan.Zero ? TimeSpan.Zero : next;
    }

    /// <summary>
    /// FlinkDeploymentController.cleanup (L92-122): a Cleanup event, then the cluster goes. FKO sets DELETING and DELETED
    /// only in memory for application clusters, so no status is written; the finalizer is removed.
    /// </summary>
    private void Cleanup(ApplicationRuntime app, JsonObject flinkDeployment)
    {
        events.Emit(flinkDeployment, OperatorEvents.Normal, "Cleanup", OperatorEvents.ComponentOperator, "Cleaning up FlinkDeployment");
        app.Blocked = null;
        app.BlockedPass = null;
        var pass = new ReconcilePass(recorder, app, flinkDeployment, clock.Now, release);
        reconciler.Cleanup(pass);
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
