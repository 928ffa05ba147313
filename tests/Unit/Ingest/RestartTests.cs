using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Ingest;

/// <summary>The dashboard is stopped, the cluster changes, the dashboard starts again on the same database.</summary>
public sealed class RestartTests
{
    private const string Ns = "prod";
    private const string App = "orders";

    [Fact]
    public async Task Changes_made_while_the_dashboard_was_down_are_replayed_and_the_cluster_that_ended_meanwhile_is_flagged_approximate()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).Build());
        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(60));
        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");

        await cluster.StopWatcherAsync();
        foreach (var parallelism in new[] { 3, 4 })
        {
            simulator.Api.PatchFlinkDeployment(Ns, App, new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism } } });
            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(60));
        }
        await cluster.StartWatcherAsync();

        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 3, "#3 is deployed after the replay");
        var instances = await cluster.InstancesAsync(Ns, App);
        var clusters = await cluster.ClustersAsync(Ns, App);
        Assert.Equal([1, 2, 3], instances.Select(i => i.Sequence));
        Assert.Equal(3, clusters.Count);
        Assert.All(clusters.Take(2), c => Assert.True(c.EndIsApproximate, $"cluster {c.Uid} ended while nobody watched"));
        Assert.Null(clusters[2].EndedAt);
        Assert.Equal(0, cluster.Relists);
    }
}
