using System.Net;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// Issue 13's hostile object: a FlinkDeployment nested 90 levels deep (a real API server accepts 10,000) next to a
/// normal one in the same namespace, created over HTTP and watched by the real dashboard, cluster-wide as it is when no
/// environments are configured. It is one rejected object: the normal application is tracked, <c>/readyz</c> turns
/// ready, and a restart on the same store neither gets stuck on it nor misses a later change.
/// </summary>
public sealed class HostileObjectTests
{
    private const string Ns = "default";
    private const int HostileDepth = 90;
    private static readonly ApplicationKey Hostile = new(Ns, "hostile");
    private static readonly ApplicationKey Normal = new(Ns, "normal");

    [Fact]
    public async Task Deep_flink_deployment_in_the_first_list_is_one_rejected_object_and_the_dashboard_gets_ready()
    {
        await using var cluster = await HostileCluster.StartAsync();
        await cluster.CreateHostileAndNormalAsync();

        await using (var dashboard = await cluster.StartDashboardAsync())
        {
            await AssertNormalTrackedAndHostileRejectedAsync(dashboard, instances: 1);
        }

        await AssertRestartGetsReadyAndRecordsALaterChangeAsync(cluster);
    }

    [Fact]
    public async Task Deep_flink_deployment_created_while_the_dashboard_watches_is_one_rejected_object_and_the_watch_goes_on()
    {
        await using var cluster = await HostileCluster.StartAsync();
        await using (var dashboard = await cluster.StartDashboardAsync())
        {
            await cluster.CreateHostileAndNormalAsync();

            await AssertNormalTrackedAndHostileRejectedAsync(dashboard, instances: 1);
        }

        await AssertRestartGetsReadyAndRecordsALaterChangeAsync(cluster);
    }

    [Fact]
    public async Task Deep_flink_deployment_created_while_the_dashboard_was_down_is_replayed_as_one_rejected_object()
    {
        await using var cluster = await HostileCluster.StartAsync();
        await cluster.CreateNormalAsync();
        await using (var dashboard = await cluster.StartDashboardAsync())
        {
            await Eventually.TrueAsync(async () => await LatestSequenceAsync(dashboard) == 1, "the normal application is instance #1");
        }
        await cluster.CreateHostileAsync();
        await cluster.ChangeNormalAsync();

        await using var restarted = await cluster.StartDashboardAsync();

        await AssertNormalTrackedAndHostileRejectedAsync(restarted, instances: 2);
    }

    [Fact]
    public async Task Flink_deployment_patched_too_deep_is_rejected_keeps_its_instance_and_its_deletion_is_recorded()
    {
        await using var simulator = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(Normal.Name).Build());
        await cluster.UntilAsync(Ns, Normal.Name, a => a.Summary.LatestInstance?.Sequence == 1, "the application is instance #1");

        var deep = FlinkDeploymentBuilder.Named(Normal.Name).NestedLevelsDeep(HostileDepth).Build();
        simulator.Api.PatchFlinkDeployment(Ns, Normal.Name, new JsonObject { ["spec"] = deep["spec"]!.DeepClone() });
        var events = await Eventually.ValueAsync(
            async () => (await cluster.Queries.ListEventsAsync(Normal, 0, 100, CancellationToken.None))?.Items ?? [],
            items => items.Any(e => e.Kind == AppEventKind.ResourceRejected),
            "the deep version is rejected");
        simulator.Api.DeleteFlinkDeployment(Ns, Normal.Name);

        await cluster.UntilAsync(Ns, Normal.Name, a => a.Summary.ObjectDeleted, "the deletion of the unreadable object is recorded");
        Assert.Contains($"nested {HostileDepth} levels deep", events.Single(e => e.Kind == AppEventKind.ResourceRejected).Message, StringComparison.Ordinal);
        Assert.Single(await cluster.InstancesAsync(Ns, Normal.Name));
    }

    /// <summary>A dashboard started again on the same store gets ready and records a change of the normal application.</summary>
    private static async Task AssertRestartGetsReadyAndRecordsALaterChangeAsync(HostileCluster cluster)
    {
        await using var restarted = await cluster.StartDashboardAsync();
        await cluster.ChangeNormalAsync();

        await AssertNormalTrackedAndHostileRejectedAsync(restarted, instances: 2);
    }

    /// <summary>Waits until the normal application has its instances, then checks the hostile one left exactly one trace.</summary>
    private static async Task AssertNormalTrackedAndHostileRejectedAsync(DashboardHost dashboard, int instances)
    {
        await Eventually.TrueAsync(async () => await LatestSequenceAsync(dashboard) == instances, $"the normal application is instance #{instances}");
        var events = await Eventually.ValueAsync(
            async () => (await dashboard.Queries.ListEventsAsync(Hostile, 0, 10, CancellationToken.None))?.Items ?? [],
            items => items.Count > 0,
            "the hostile object has an event");

        var rejected = Assert.Single(events);
        Assert.Equal(AppEventKind.ResourceRejected, rejected.Kind);
        Assert.Contains($"nested {HostileDepth} levels deep", rejected.Message, StringComparison.Ordinal);
        Assert.Null((await dashboard.Queries.GetApplicationAsync(Hostile, CancellationToken.None))?.Summary.LatestInstance);
        using var ready = await dashboard.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<int> LatestSequenceAsync(DashboardHost dashboard) =>
        (await dashboard.Queries.GetApplicationAsync(Normal, CancellationToken.None))?.Summary.LatestInstance?.Sequence ?? 0;

    /// <summary>A simulated cluster (a plain API store: no operator writes status) and the data directory the dashboards share.</summary>
    private sealed class HostileCluster : IAsyncDisposable
    {
        private readonly SimulatorServer _simulator;
        private readonly SimulatorHttp _http;
        private readonly TempDirectory _files = new();
        private readonly string _kubeconfig;

        private HostileCluster(SimulatorServer simulator)
        {
            _simulator = simulator;
            _http = new SimulatorHttp(simulator.BaseUrl);
            _kubeconfig = simulator.WriteKubeconfig(_files.File("kubeconfig"));
            Directory.CreateDirectory(DataDirectory);
        }

        private string DataDirectory => _files.File("data");

        public static async Task<HostileCluster> StartAsync() =>
            new(await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false));

        /// <summary>A dashboard watching every namespace of the cluster, on the shared store; returns once <c>/readyz</c> says 200.</summary>
        public async Task<DashboardHost> StartDashboardAsync()
        {
            var dashboard = await DashboardHost.StartAsync(
                new Dictionary<string, string?> { ["Cmf:Cluster:Mode"] = "Kubernetes", ["Cmf:Cluster:Kubeconfig"] = _kubeconfig },
                DataDirectory);
            await Eventually.TrueAsync(async () => (await dashboard.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");
            return dashboard;
        }

        public async Task CreateHostileAndNormalAsync()
        {
            await CreateHostileAsync();
            await CreateNormalAsync();
        }

        public Task CreateHostileAsync() => CreateAsync(FlinkDeploymentBuilder.Named(Hostile.Name).NestedLevelsDeep(HostileDepth).Build());

        public Task CreateNormalAsync() => CreateAsync(FlinkDeploymentBuilder.Named(Normal.Name).Build());

        public async Task ChangeNormalAsync()
        {
            var patched = await _http.MergePatchAsync(
                $"{SimulatorHttp.FlinkDeployments}/{Normal.Name}", new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = 5 } } });
            Assert.Equal(HttpStatusCode.OK, patched.Status);
        }

        private async Task CreateAsync(JsonObject flinkDeployment)
        {
            var created = await _http.PostAsync(SimulatorHttp.FlinkDeployments, flinkDeployment);
            Assert.Equal(HttpStatusCode.Created, created.Status);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _simulator.DisposeAsync();
            _files.Dispose();
        }
    }
}
