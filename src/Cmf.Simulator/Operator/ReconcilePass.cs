using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// One pass of the operator over one FlinkDeployment (FlinkDeploymentController.reconcile): the resource as read, the
/// spec the operator works on (a <see cref="SpecDump"/> it may change in memory, as FKO changes its Java object), the
/// status being edited, and when the next pass should come.
/// </summary>
internal sealed class ReconcilePass
{
    private readonly StatusRecorder _recorder;

    public ReconcilePass(StatusRecorder recorder, ApplicationRuntime app, JsonObject flinkDeployment, DateTimeOffset now, OperatorRelease release)
    {
        _recorder = recorder;
        App = app;
        FlinkDeployment = flinkDeployment;
        Now = now;
        Release = release;
        var spec = flinkDeployment["spec"] as JsonObject ?? [];
        Spec = SpecDump.Of(spec, release);
        Generation = flinkDeployment.LongAt("metadata", "generation") ?? 1;
        Status = new OperatorDeploymentStatus(flinkDeployment.GetOrAddObject("status"));
    }

    public ApplicationRuntime App { get; }

    public JsonObject FlinkDeployment { get; }

    /// <summary>The spec the operator reconciles: the resource's, until a rollback puts lastStableSpec in its place.</summary>
    public JsonObject Spec { get; set; }

    /// <summary>metadata.generation as read; a pass keeps it even if the spec changes meanwhile.</summary>
    public long Generation { get; }

    public OperatorDeploymentStatus Status { get; }

    public DateTimeOffset Now { get; set; }

    public OperatorRelease Release { get; }

    public string Name => App.Key.Name;

    /// <summary>The reconciliation state when the pass began (ReconciliationUtils.toUpdateControl compares against it).</summary>
    public string? ReconciliationStateAtStart { get; set; }

    /// <summary>StatusRecorder.patchAndCacheStatus: writes the status if it changed since the last write.</summary>
    public void WriteStatus() => _recorder.Write(this);

    /// <summary>The spec as it goes into lastReconciledSpec now.</summary>
    public ReconciledSpec Record(JsonObject spec, bool firstDeployment) =>
        new(spec.DeepClone().AsObject(), firstDeployment, Release == OperatorRelease.V1_9 ? Generation : null);
}

/// <summary>
/// FKO's StatusRecorder (utils/StatusRecorder.patchAndCacheStatus L92-126): the status is written only when it differs
/// from the last one this operator wrote, as a full replacement of the status subresource, three times in a row (the
/// loop has no break); the API server sees the second and third as no-ops.
/// </summary>
internal sealed class StatusRecorder(ResourceStore store)
{
    private const int PutsPerWrite = 3;

    public void Write(ReconcilePass pass)
    {
        var status = pass.Status;
        status.Json["lifecycleState"] = LifecycleStates.Compute(status);
        var json = status.Json.ToJsonString();
        if (json == pass.App.LastWrittenStatus)
        {
            return;
        }
        var metadata = pass.FlinkDeployment.Metadata();
        for (var put = 0; put < PutsPerWrite; put++)
        {
            var update = new JsonObject
            {
                ["apiVersion"] = pass.FlinkDeployment.StringAt("apiVersion"),
                ["kind"] = pass.FlinkDeployment.StringAt("kind"),
                ["metadata"] = new JsonObject { ["name"] = metadata.StringAt("name"), ["namespace"] = metadata.StringAt("namespace") },
                ["status"] = status.Json.DeepClone(),
            };
            // Optimistically locked in FKO; a conflict with a spec change is retried because the status itself did not
            // change (handleLockingError), so the write always lands: the simulator writes without the lock.
            store.Update(ResourceTypes.FlinkDeployments, update, UpdateTarget.Status, ChangeOrigin.Cluster);
        }
        pass.App.LastWrittenStatus = json;
    }
}
