using System.Net;
using System.Text.Json.Nodes;
using Cmf.Core.Storage.Views;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// Who changed each instance, as the watcher reads it from the managedFields the simulated API server records:
/// kubectl as an independent client, and plain HTTP writes naming another field manager.
/// </summary>
public sealed class ChangeAttributionOverHttpTests
{
    private const string Ns = "default";

    [Fact]
    public async Task An_instance_created_by_kubectl_patch_is_changed_by_kubectl_patch()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        var kubectl = new Kubectl(cluster.Kubeconfig);
        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));
        await cluster.UntilAsync(Ns, "basic-example", a => a.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");
        var patchedAt = simulator.Clock.Now;

        (await kubectl.RunAsync("patch", "flinkdeployment", "basic-example", "--type", "merge", "-p", """{"spec":{"job":{"parallelism":3}}}""")).ShouldSucceed();
        await cluster.UntilAsync(Ns, "basic-example", a => a.Summary.LatestInstance?.Sequence == 2, "#2 is created");

        var instances = await cluster.InstancesAsync(Ns, "basic-example");
        Assert.Equal(
            [(1, "kubectl-client-side-apply", (DateTimeOffset?)TestSimulator.StartTime), (2, "kubectl-patch", Seconds(patchedAt))],
            instances.Select(i => (i.Sequence, i.ChangedBy, i.ChangedAt)));
        Assert.All(instances, i => Assert.Null(i.ChangeOrigin));
    }

    [Fact]
    public async Task An_instance_written_by_another_field_manager_names_that_manager_and_its_delivery()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        using var argo = new SimulatorHttp(simulator.BaseUrl, userAgent: "argocd-application-controller/v2.13.0");
        var orders = FlinkDeploymentBuilder.Named("orders").Build();
        orders["metadata"]!["annotations"] = new JsonObject { ["argocd.argoproj.io/tracking-id"] = "payments:flink.apache.org/FlinkDeployment:default/orders" };
        Assert.Equal(HttpStatusCode.Created, (await argo.PostAsync(SimulatorHttp.FlinkDeployments + "?fieldManager=argocd-controller", orders)).Status);
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));
        await cluster.UntilAsync(Ns, "orders", a => a.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");

        using var deployer = new SimulatorHttp(simulator.BaseUrl, userAgent: "release-bot/1.4 (linux)");
        var patch = JsonNode.Parse("""{"spec":{"image":"flink:1.20.1"}}""")!;
        Assert.Equal(HttpStatusCode.OK, (await deployer.MergePatchAsync(SimulatorHttp.FlinkDeployments + "/orders", patch)).Status);
        await cluster.UntilAsync(Ns, "orders", a => a.Summary.LatestInstance?.Sequence == 2, "#2 is created");

        var instances = await cluster.InstancesAsync(Ns, "orders");
        Assert.Equal(
            [(1, "argocd-controller", "Argo CD application payments"), (2, "release-bot", "Argo CD application payments")],
            instances.Select(i => (i.Sequence, i.ChangedBy, i.ChangeOrigin)));
    }

    [Fact]
    public async Task A_later_metadata_write_by_a_spec_owner_does_not_take_the_change_from_its_author()
    {
        await using var simulator = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        using var http = new SimulatorHttp(simulator.BaseUrl);
        var orders = FlinkDeploymentBuilder.Named("orders").Build();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(SimulatorHttp.FlinkDeployments + "?fieldManager=helm", orders)).Status);
        // The test plays the operator: generation 1 reconciled, its spec recorded as FKO records it.
        var reconciled = new JsonObject { ["spec"] = orders["spec"]!.DeepClone(), ["resource_metadata"] = new JsonObject { ["apiVersion"] = "flink.apache.org/v1beta1" } };
        simulator.Api.PatchFlinkDeploymentStatus(Ns, "orders", new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = 1,
                ["reconciliationStatus"] = new JsonObject { ["state"] = "DEPLOYED", ["lastReconciledSpec"] = reconciled.ToJsonString() },
            },
        });
        await cluster.UntilAsync(Ns, "orders", a => a.Summary.LatestInstance?.Sequence == 1, "#1 is created");

        // While the dashboard is down, the image changes, then helm (which owns the rest of the spec) writes a label.
        await cluster.StopWatcherAsync();
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        await http.MergePatchAsync(SimulatorHttp.FlinkDeployments + "/orders?fieldManager=image-updater", JsonNode.Parse("""{"spec":{"image":"flink:1.20.1"}}""")!);
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        await http.MergePatchAsync(SimulatorHttp.FlinkDeployments + "/orders?fieldManager=helm", JsonNode.Parse("""{"metadata":{"labels":{"team":"payments"}}}""")!);
        await cluster.StartWatcherAsync();
        await cluster.UntilAsync(Ns, "orders", a => a.Summary.LatestInstance?.Sequence == 2, "#2 is created");

        var instances = await cluster.InstancesAsync(Ns, "orders");
        Assert.Equal(
            [("helm", (DateTimeOffset?)TestSimulator.StartTime), ("image-updater", TestSimulator.StartTime.AddMinutes(1))],
            instances.Select(i => (i.ChangedBy, i.ChangedAt)));
    }

    private static DateTimeOffset? Seconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
