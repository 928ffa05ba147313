using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// FKO's FlinkStateSnapshotController (controller/FlinkStateSnapshotController.java) with its StateSnapshotObserver and
/// StateSnapshotReconciler: one pass observes a savepoint in progress, validates, triggers a pending one (or completes one
/// that already exists), sets the labels, then writes labels and status if they changed. A failure goes through
/// updateErrorStatus: FAILED with the failure counted, a SavepointError event, and a retry unless the backoff limit is
/// spent. Deletion runs the cleanup before the finalizer goes.
/// </summary>
internal sealed class StateSnapshotController(ResourceStore store, SimulatorClock clock, NativeCluster nativeCluster, OperatorEvents events, OperatorTimings timings)
{
    /// <summary>One pass over a snapshot; returns when the next pass is due, or null when none is scheduled.</summary>
    public TimeSpan? Reconcile(ObjectKey key, Func<ObjectKey, ApplicationRuntime?> runtimeOf)
    {
        if (store.Get(ResourceTypes.FlinkStateSnapshots, key) is not { } stored)
        {
            return null;
        }
        var snapshot = stored.ToJsonObject();
        if (stored.IsTerminating)
        {
            return Cleanup(snapshot);
        }
        if (!HasFinalizer(snapshot))
        {
            // JOSDK adds the Cleaner's finalizer in an update of its own before the first reconcile.
            snapshot.Metadata()["finalizers"] = new JsonArray([.. Finalizers(snapshot).Select(f => (JsonNode?)f), StateSnapshots.Finalizer]);
            TryUpdate(snapshot, UpdateTarget.Object);
            return timings.ReconcileDelay;
        }

        var pass = new SnapshotPass(snapshot, clock.Now);
        var target = StateSnapshots.JobReference(snapshot) is { } reference ? store.Get(ResourceTypes.FlinkDeployments, reference)?.ToJsonObject() : null;
        var runtime = StateSnapshots.JobReference(snapshot) is { } runtimeKey ? runtimeOf(runtimeKey) : null;
        try
        {
            Observe(pass, target, runtime);
            if (Validate(pass, target))
            {
                ReconcilePending(pass, target, runtime);
            }
        }
        catch (SnapshotFailedException failed)
        {
            return UpdateErrorStatus(pass, failed);
        }
        var labels = StateSnapshots.Labels(snapshot, pass.State, target);
        var labelsChanged = SetLabels(snapshot, labels);
        if (labelsChanged)
        {
            TryUpdate(snapshot, UpdateTarget.Object);
        }
        if (pass.StatusChanged)
        {
            WriteStatus(pass);
        }
        // getUpdateControl (L166-189): every state but COMPLETED and ABANDONED is looked at again.
        return pass.State is OperatorSnapshotStates.Completed or OperatorSnapshotStates.Abandoned ? null : timings.ReconcileInterval;
    }

    /// <summary>StateSnapshotObserver.observe (L47-113): a savepoint in progress is fetched by its trigger id.</summary>
    private void Observe(SnapshotPass pass, JsonObject? target, ApplicationRuntime? runtime)
    {
        if (pass.State != OperatorSnapshotStates.InProgress || string.IsNullOrEmpty(pass.Status.StringAt("triggerId")))
        {
            return;
        }
        if (AbandonIfJobNotRunning(pass, target) || pass.Snapshot.NodeAt("spec", "savepoint") is null)
        {
            return;
        }
        var result = NativeCluster.FetchSavepoint(runtime, pass.Status.StringAt("triggerId")!, pass.Now);
        if (result.Pending)
        {
            return;
        }
        if (result.Error is { } error)
        {
            throw new SnapshotFailedException(error);
        }
        // snapshotSuccessful (FlinkStateSnapshotUtils L327-338) without a new trigger timestamp.
        pass.Set("state", OperatorSnapshotStates.Completed);
        pass.Set("path", result.Location);
        pass.Set("error", null);
        pass.Set("resultTimestamp", KubernetesTime.FormatIsoInstant(pass.Now));
    }

    /// <summary>FlinkStateSnapshotController.validateSnapshot (L198-215) with DefaultValidator.validateStateSnapshot (L685-718).</summary>
    private bool Validate(SnapshotPass pass, JsonObject? target)
    {
        var spec = pass.Snapshot["spec"] as JsonObject ?? [];
        string? error = null;
        if ((spec["savepoint"] is null) == (spec["checkpoint"] is null))
        {
            error = "Exactly one of checkpoint or savepoint configurations has to be set.";
        }
        else if (spec.StringAt("savepoint", "alreadyExists") == "true")
        {
            return true;
        }
        else if (spec["jobReference"] is null)
        {
            error = "Job reference must be supplied for this snapshot";
        }
        else if (target is null && pass.State == OperatorSnapshotStates.TriggerPending)
        {
            error = $"Target for snapshot {pass.Snapshot.StringAt("metadata", "namespace")}/{spec.StringAt("jobReference", "name")} was not found";
        }
        if (error is null)
        {
            return true;
        }
        events.Emit(pass.Snapshot, OperatorEvents.Warning, "ValidationError", OperatorEvents.ComponentOperator, error);
        return false;
    }

    /// <summary>StateSnapshotReconciler.reconcile (L53-96): a pending snapshot completes at once if it already exists, else it is triggered.</summary>
    private void ReconcilePending(SnapshotPass pass, JsonObject? target, ApplicationRuntime? runtime)
    {
        if (pass.State != OperatorSnapshotStates.TriggerPending)
        {
            return;
        }
        var savepoint = pass.Snapshot.ObjectAt("spec", "savepoint");
        if (savepoint?.StringAt("alreadyExists") == "true")
        {
            var now = KubernetesTime.FormatIsoInstant(pass.Now);
            pass.Set("state", OperatorSnapshotStates.Completed);
            pass.Set("path", savepoint.StringAt("path"));
            pass.Set("error", null);
            pass.Set("resultTimestamp", now);
            pass.Set("triggerTimestamp", now);
            return;
        }
        if (savepoint is null || AbandonIfJobNotRunning(pass, target))
        {
            // Checkpoint snapshots are not simulated (docs/operator-conformance.md, Not simulated).
            return;
        }
        var directory = savepoint.StringAt("path") ?? FlinkConfiguration.Get(target!["spec"] as JsonObject, FlinkConfiguration.SavepointDirectory);
        if (directory is null)
        {
            throw new SnapshotFailedException("java.lang.IllegalArgumentException: Either the savepoint path in the spec or configuration "
                + FlinkConfiguration.SavepointDirectory + " in the Flink resource has to be supplied",
                ("java.lang.IllegalArgumentException", "Either the savepoint path in the spec or configuration "
                    + FlinkConfiguration.SavepointDirectory + " in the Flink resource has to be supplied"));
        }
        string triggerId;
        try
        {
            triggerId = nativeCluster.TriggerSavepoint(runtime!, target!, directory, pass.Now);
        }
        catch (InvalidOperationException e)
        {
            throw new SnapshotFailedException(e.Message, ("org.apache.flink.runtime.rest.util.RestClientException", "[Job is not running.]"));
        }
        // snapshotInProgress (FlinkStateSnapshotUtils L347-356).
        pass.Set("state", OperatorSnapshotStates.InProgress);
        pass.Set("triggerId", triggerId);
        pass.Set("triggerTimestamp", KubernetesTime.FormatIsoInstant(pass.Now));
    }

    /// <summary>abandonSnapshotIfJobNotRunning (FlinkStateSnapshotUtils L265-317): a SnapshotAbandoned event, ABANDONED without a path.</summary>
    private bool AbandonIfJobNotRunning(SnapshotPass pass, JsonObject? target)
    {
        var reference = $"{pass.Snapshot.StringAt("spec", "jobReference", "name")} (FlinkDeployment)";
        var name = pass.Snapshot.StringAt("metadata", "name");
        string message;
        if (target is null)
        {
            message = $"Secondary resource {reference} for savepoint {name} was not found";
        }
        else if (target.StringAt("status", "jobStatus", "state") != OperatorJobStates.Running)
        {
            message = $"Secondary resource {reference} for savepoint {name} is not running";
        }
        else
        {
            return false;
        }
        events.Emit(pass.Snapshot, OperatorEvents.Warning, "SnapshotAbandoned", OperatorEvents.ComponentSnapshot, message);
        pass.Set("state", OperatorSnapshotStates.Abandoned);
        pass.Set("path", null);
        pass.Set("error", message);
        pass.Set("resultTimestamp", KubernetesTime.FormatIsoInstant(pass.Now));
        return true;
    }

    /// <summary>
    /// updateErrorStatus (L113-150) with ReconciliationUtils.updateForReconciliationError (L256-264): FAILED, one more
    /// failure, the error, a SavepointError event; past the backoff limit it stays FAILED, else it is TRIGGER_PENDING again
    /// and retried after 10 s doubling per failure. Labels are not updated on this path.
    /// </summary>
    private TimeSpan? UpdateErrorStatus(SnapshotPass pass, SnapshotFailedException failed)
    {
        var failures = (pass.Status.LongAt("failures") ?? 0) + 1;
        pass.Set("state", OperatorSnapshotStates.Failed);
        pass.Status["failures"] = failures;
        pass.Set("resultTimestamp", KubernetesTime.FormatIsoInstant(pass.Now));
        pass.Set("error", failed.Json);
        events.Emit(pass.Snapshot, OperatorEvents.Warning, "SavepointError", OperatorEvents.ComponentSnapshot, failed.Json);
        // A user's resource without backoffLimit gets the field's default, -1 (retry forever).
        var backoffLimit = pass.Snapshot.LongAt("spec", "backoffLimit") ?? -1;
        if (backoffLimit >= 0 && failures > backoffLimit)
        {
            WriteStatus(pass);
            return null;
        }
        pass.Set("state", OperatorSnapshotStates.TriggerPending);
        WriteStatus(pass);
        return TimeSpan.FromSeconds(10L * (1L << (int)Math.Min(failures - 1, 20)));
    }

    /// <summary>FlinkStateSnapshotController.cleanup (L89-111) and StateSnapshotReconciler.cleanup (L98-182).</summary>
    private TimeSpan? Cleanup(JsonObject snapshot)
    {
        var state = snapshot.StringAt("status", "state") ?? OperatorSnapshotStates.TriggerPending;
        var savepoint = snapshot.ObjectAt("spec", "savepoint");
        if (savepoint is not null && savepoint.StringAt("disposeOnDelete") != "false" && StateSnapshots.JobReference(snapshot) is { } reference)
        {
            if (state == OperatorSnapshotStates.InProgress)
            {
                return timings.ReconcileInterval;
            }
            if (state == OperatorSnapshotStates.Completed && snapshot.StringAt("status", "path") is not null)
            {
                var target = store.Get(ResourceTypes.FlinkDeployments, reference)?.ToJsonObject();
                var problem = target is null ? "Cannot dispose of snapshot because referenced Flink job cannot be found!"
                    : target.StringAt("status", "jobStatus", "state") != OperatorJobStates.Running ? "Cannot dispose of snapshot because referenced Flink job is not running!"
                    : null;
                if (problem is not null)
                {
                    events.Emit(snapshot, OperatorEvents.Warning, "CleanupFailed", OperatorEvents.ComponentSnapshot, problem);
                    return timings.ReconcileInterval;
                }
                // flinkService.disposeSavepoint: the simulated savepoint files go without a trace.
            }
        }
        var finalizers = Finalizers(snapshot).Where(f => f != StateSnapshots.Finalizer).ToList();
        snapshot.Metadata()["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)f)]);
        TryUpdate(snapshot, UpdateTarget.Object);
        return null;
    }

    private void WriteStatus(SnapshotPass pass)
    {
        var metadata = pass.Snapshot.Metadata();
        var update = new JsonObject
        {
            ["apiVersion"] = StateSnapshots.ApiVersion,
            ["kind"] = StateSnapshots.Kind,
            ["metadata"] = new JsonObject { ["name"] = metadata.StringAt("name"), ["namespace"] = metadata.StringAt("namespace") },
            ["status"] = pass.Status.DeepClone(),
        };
        try
        {
            store.Update(ResourceTypes.FlinkStateSnapshots, update, UpdateTarget.Status, ChangeOrigin.Cluster);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Deleted meanwhile.
        }
    }

    private bool TryUpdate(JsonObject snapshot, UpdateTarget target)
    {
        try
        {
            var updated = store.Update(ResourceTypes.FlinkStateSnapshots, snapshot, target, ChangeOrigin.Cluster);
            snapshot.Metadata()["resourceVersion"] = updated.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Changed or deleted meanwhile: the next pass sees it.
            return false;
        }
    }

    private static bool SetLabels(JsonObject snapshot, Dictionary<string, string> generated)
    {
        var labels = snapshot.Metadata().GetOrAddObject("labels");
        var changed = false;
        foreach (var (key, value) in generated)
        {
            if (labels.StringAt(key) != value)
            {
                labels[key] = value;
                changed = true;
            }
        }
        return changed;
    }

    private static bool HasFinalizer(JsonObject snapshot) => Finalizers(snapshot).Contains(StateSnapshots.Finalizer);

    private static List<string> Finalizers(JsonObject snapshot) =>
        [.. (snapshot.NodeAt("metadata", "finalizers") as JsonArray ?? []).Select(f => f?.GetValue<string>()).OfType<string>()];

    /// <summary>The snapshot being reconciled, its status as this pass edits it (a new one starts TRIGGER_PENDING), and the time.</summary>
    private sealed class SnapshotPass
    {
        private readonly string _original;

        public SnapshotPass(JsonObject snapshot, DateTimeOffset now)
        {
            Snapshot = snapshot;
            Now = now;
            Status = snapshot["status"] is JsonObject status
                ? status.DeepClone().AsObject()
                : new JsonObject { ["state"] = OperatorSnapshotStates.TriggerPending, ["failures"] = 0 };
            _original = Status.ToJsonString();
        }

        public JsonObject Snapshot { get; }

        public DateTimeOffset Now { get; }

        public JsonObject Status { get; }

        public string State => Status.StringAt("state") ?? OperatorSnapshotStates.TriggerPending;

        public bool StatusChanged => Status.ToJsonString() != _original;

        /// <summary>Sets a status field; null leaves it out, as the API server prunes null fields of custom resources.</summary>
        public void Set(string field, string? value)
        {
            if (value is null)
            {
                Status.Remove(field);
            }
            else
            {
                Status[field] = value;
            }
        }
    }
}

/// <summary>A ReconciliationException thrown while a snapshot is observed or triggered; its JSON goes to status.error.</summary>
internal sealed class SnapshotFailedException(string message, params (string Type, string Message)[] causes) : Exception(message)
{
    public string Json => OperatorErrors.Serialize("org.apache.flink.kubernetes.operator.exception.ReconciliationException", Message, causes);
}
