using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Hosting;

/// <summary>The whole dashboard, started the ways an operator starts it, tracking a cluster over real HTTP.</summary>
public sealed class ClusterModeTests
{
    [Fact]
    public async Task Built_in_demo_is_tracked_and_a_kubectl_patch_becomes_a_new_instance()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Simulated",
            ["Cmf:Cluster:Simulator:Scenario"] = "demo",
            ["Cmf:Cluster:Simulator:Speed"] = "20",
        });
        await Eventually.TrueAsync(async () => (await host.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");
        var demo = await host.Queries.ListApplicationsAsync(new ApplicationListQuery { PageSize = 100 }, CancellationToken.None);
        Assert.True(demo.TotalCount >= 10, $"the demo should hold about a dozen applications, found {demo.TotalCount}");
        Assert.Contains(demo.Items, a => a.Key == new ApplicationKey("prod", "inventory-sync"));
        var before = await LatestSequenceAsync(host, "prod", "inventory-sync");

        var kubeconfig = Path.Combine(host.DataDirectory, "simulator.kubeconfig");
        (await new Kubectl(kubeconfig).RunAsync(
            "patch", "flinkdeployment", "inventory-sync", "-n", "prod", "--type", "merge", "-p", """{"spec":{"job":{"parallelism":7}}}"""))
            .ShouldSucceed();

        await Eventually.TrueAsync(async () => await LatestSequenceAsync(host, "prod", "inventory-sync") > before, "the patch is a new instance in the store");
    }

    [Fact]
    public async Task Standalone_cluster_reached_through_a_kubeconfig_is_tracked()
    {
        await using var simulator = await TestSimulator.StartAsync(configure: o => o.ManualClock = false);
        simulator.Api.CreateNamespace("analytics");
        using var temp = new TempDirectory();
        var kubeconfig = simulator.WriteKubeconfig(temp.File("kubeconfig"));
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = kubeconfig,
        });
        await Eventually.TrueAsync(async () => (await host.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");

        simulator.Api.CreateFlinkDeployment("analytics", FlinkDeploymentBuilder.Named("sessions").Build());
        await Eventually.TrueAsync(async () => await LatestSequenceAsync(host, "analytics", "sessions") == 1, "the new FlinkDeployment is instance #1");
        simulator.Api.PatchFlinkDeployment("analytics", "sessions", JsonNode.Parse("""{"spec":{"job":{"parallelism":4}}}""")!.AsObject());

        await Eventually.TrueAsync(async () => await LatestSequenceAsync(host, "analytics", "sessions") == 2, "the spec change is instance #2");
    }

    private static async Task<int> LatestSequenceAsync(DashboardHost host, string environment, string application) =>
        (await host.Queries.GetApplicationAsync(new ApplicationKey(environment, application), CancellationToken.None))?.Summary.LatestInstance?.Sequence ?? 0;
}
