using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// One pass of the operator over one FlinkDeployment: the object as read, its status being edited, and
/// when the next pass should come. <see cref="WriteStatus"/> publishes the status when it changed, so
/// every intermediate state the operator records is visible to watchers.
/// </summary>
internal sealed class ReconcileStep
{
    private readonly ResourceStore _store;
    private string _written;

    public ReconcileStep(ResourceStore store, ApplicationRuntime app, JsonObject flinkDeployment, DateTimeOffset now)
    {
        _store = store;
        App = app;
        FlinkDeployment = flinkDeployment;
        Now = now;
        Spec = flinkDeployment["spec"] as JsonObject ?? [];
        Generation = flinkDeployment.LongAt("metadata", "generation") ?? 1;
        Status = new FlinkDeploymentStatus(flinkDeployment.GetOrAddObject("status"));
        _written = Status.Json.ToJsonString();
    }

    public ApplicationRuntime App { get; }

    public JsonObject FlinkDeployment { get; }

    public JsonObject Spec { get; }

    public long Generation { get; }

    public FlinkDeploymentStatus Status { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The earliest next pass any part of this pass asked for.</summary>
    public TimeSpan? NextPass { get; private set; }

    public void RequestNextPass(TimeSpan after)
    {
        var delay = after < TimeSpan.Zero ? TimeSpan.Zero : after;
        NextPass = NextPass is { } current && current <= delay ? current : delay;
    }

    public void RequestNextPassAt(DateTimeOffset time) => RequestNextPass(time - Now);

    public void WriteStatus()
    {
        Status.LifecycleState = LifecycleStates.Compute(Status);
        var json = Status.Json.ToJsonString();
        if (json == _written)
        {
            return;
        }
        var metadata = FlinkDeployment.Metadata();
        var update = new JsonObject
        {
            ["apiVersion"] = FlinkDeployment.StringAt("apiVersion"),
            ["kind"] = FlinkDeployment.StringAt("kind"),
            ["metadata"] = new JsonObject { ["name"] = metadata.StringAt("name"), ["namespace"] = metadata.StringAt("namespace") },
            ["status"] = Status.Json.DeepClone(),
        };
        // The operator owns the status: it replaces it without a version precondition, so a concurrent
        // spec change cannot make it lose track of a cluster it already created.
        _store.Update(ResourceTypes.FlinkDeployments, update, UpdateTarget.Status, ChangeOrigin.Cluster);
        _written = json;
    }
}
