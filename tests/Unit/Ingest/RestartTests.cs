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

/// <summary>The API server behind the kubeconfig was replaced: its resourceVersions belong to another history.</summary>
public sealed class ReplacedClusterTests
{
    [Fact]
    public async Task Cluster_replaced_at_the_same_address_is_listed_afresh_instead_of_resumed()
    {
        var first = await TestSimulator.StartAsync();
        first.Api.CreateNamespace("prod");
        await using var cluster = await WatchedCluster.StartAsync(first);
        for (var i = 0; i < 5; i++)
        {
            first.Api.CreateFlinkDeployment("prod", FlinkDeploymentBuilder.Named($"old-{i}").Build());
        }
        await cluster.UntilAsync("prod", "old-4", a => a.Summary.LatestInstance is not null, "the first cluster's applications are tracked");
        await cluster.StopWatcherAsync();
        var port = first.BaseUrl.Port;
        await first.DisposeAsync();

        // A fresh cluster on the same address: its versions start again from the bottom.
        await using var second = await TestSimulator.StartAsync(configure: o => (o.Port, o.Seed) = (port, 8));
        second.Api.CreateNamespace("prod");
        second.Api.CreateFlinkDeployment("prod", FlinkDeploymentBuilder.Named("fresh").Build());
        cluster.SwitchTo(second);
        await cluster.StartWatcherAsync();

        await cluster.UntilAsync("prod", "fresh", a => a.Summary.LatestInstance?.Sequence == 1, "the new cluster's application is tracked");
        await cluster.UntilAsync("prod", "old-0", a => a.Summary.ObjectDeleted, "the first cluster's applications are gone from the new one");
        Assert.True(cluster.Relists > 0);
    }
}
