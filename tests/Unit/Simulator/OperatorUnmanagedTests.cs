using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The <c>simulator.cmf.dev/unmanaged</c> knob: the operator leaves such an object to whoever writes its status.</summary>
public sealed class OperatorUnmanagedTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_unmanaged_flink_deployment_gets_no_finalizer_status_cluster_or_events()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(Unmanaged("orders"));
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("managed").Build());

        await cluster.AdvanceAsync(Settle);

        var orders = await cluster.GetAsync("orders");
        Assert.Null(orders["metadata"]!["finalizers"]);
        Assert.Null(orders["status"]);
        Assert.Empty(await cluster.EventsAboutAsync("orders"));
        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("managed")).Brief);
        Assert.Single(cluster.JobManagerEvents());
        Assert.Empty(cluster.Server.OperatorErrors);
    }

    [Fact]
    public async Task A_status_written_to_an_unmanaged_object_stays_as_written()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(Unmanaged("orders"));
        var status = JsonNode.Parse("""{"jobManagerDeploymentStatus":"DEPLOYING","jobStatus":{"state":"RECONCILING"},"error":""}""")!;
        var current = await cluster.GetAsync("orders");
        current["status"] = status.DeepClone();

        var written = await cluster.Http.PutAsync($"{SimulatorHttp.FlinkDeployments}/orders/status", current);
        await cluster.AdvanceAsync(Settle);

        Assert.Equal(HttpStatusCode.OK, written.Status);
        var after = await cluster.GetAsync("orders");
        Assert.True(JsonNode.DeepEquals(status, after["status"]), after["status"]?.ToJsonString());
        Assert.Equal(written.Object["metadata"]!["resourceVersion"]!.GetValue<string>(), after["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Removing_the_annotation_hands_the_object_to_the_operator()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(Unmanaged("orders"));
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("orders", new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SimulatorKnobs.Unmanaged] = null } },
        });
        await cluster.AdvanceAsync(Settle);

        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("orders")).Brief);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task Only_the_value_true_makes_an_object_unmanaged()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithAnnotation(SimulatorKnobs.Unmanaged, "no").Build());

        await cluster.AdvanceAsync(Settle);

        Assert.Equal("STABLE RUNNING READY DEPLOYED", FlinkStatusView.Of(await cluster.GetAsync("orders")).Brief);
    }

    private static JsonObject Unmanaged(string name) =>
        FlinkDeploymentBuilder.Named(name).WithAnnotation(SimulatorKnobs.Unmanaged, "true").Build();
}
