using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// The operator's Events and FlinkStateSnapshots, written by the simulated operator and read over HTTP: stored per
/// application, filed under instances, kept after the cluster expired them, unchanged by a restart.
/// </summary>
public sealed class OperatorHistoryOverHttpTests
{
    private const string Ns = "prod";
    private const string App = "orders";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_upgrades_operator_events_are_stored_under_their_instances_and_outlive_the_clusters_event_ttl()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await simulator.Clock.AdvanceAsync(Settle);
        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");

        simulator.Api.PatchFlinkDeployment(Ns, App, Parallelism(3));
        await simulator.Clock.AdvanceAsync(Settle);
        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 2, "#2 is deployed");
        await Eventually.TrueAsync(async () => (await OperatorEventsAsync(cluster)).Any(e => e.Reason == "SpecChanged"), "SpecChanged is stored");
        await Eventually.TrueAsync(async () => (await SnapshotsAsync(cluster, 1)).Count == 1, "the upgrade snapshot is stored");

        var instances = await cluster.InstancesAsync(Ns, App);
        await StoreHasCaughtUpWithTheClustersEventsAsync(cluster, simulator);
        var stored = await OperatorEventsAsync(cluster);
        var specChanged = Assert.Single(stored, e => e.Reason == "SpecChanged");
        Assert.Equal(instances[1].Uid, specChanged.InstanceUid);
        Assert.StartsWith("UPGRADE change(s) detected", specChanged.Message, StringComparison.Ordinal);
        Assert.Equal(SpecDiffType.Upgrade, instances[1].DiffType);
        Assert.Null(instances[0].DiffType);
        // The second Submit has the same reason and message: the operator bumps the first Event object, one row counts both.
        var submit = Assert.Single(stored, e => e.Reason == "Submit");
        Assert.Equal((2, instances[0].Uid), (submit.Count, submit.InstanceUid));
        Assert.True(submit.LastSeenAt > submit.Timestamp);
        Assert.Contains(stored, e => e.Reason == "JobStatusChanged" && e.EventType == "Normal");
        var upgrade = Assert.Single(await SnapshotsAsync(cluster, 1));
        Assert.Equal(("SAVEPOINT", "UPGRADE", "COMPLETED"), (upgrade.SnapshotType, upgrade.TriggerType, upgrade.State));
        var lineage = (await cluster.Queries.GetInstanceAsync(new ApplicationKey(Ns, App), instances[1].Uid, CancellationToken.None))!.Lineage;
        Assert.Equal(upgrade.Path, lineage.StartedFrom);
        Assert.Equal((SavepointOrigin.PreviousStop, 1), (lineage.StartedFromOrigin, lineage.StartedFromSequence));

        using var http = new SimulatorHttp(simulator.BaseUrl);
        Assert.NotEmpty(await ClusterEventsAsync(http));
        await simulator.Clock.AdvanceAsync(TimeSpan.FromHours(2));
        await Eventually.TrueAsync(async () => (await ClusterEventsAsync(http)).Count == 0, "the cluster expired its events");

        Assert.Equal(Describe(stored), Describe(await OperatorEventsAsync(cluster)));
    }

    [Fact]
    public async Task A_restart_relists_the_operators_events_without_adding_or_moving_any()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await simulator.Clock.AdvanceAsync(Settle);
        simulator.Api.PatchFlinkDeployment(Ns, App, Parallelism(3));
        await simulator.Clock.AdvanceAsync(Settle);
        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 2, "#2 is deployed");
        await Eventually.TrueAsync(async () => (await OperatorEventsAsync(cluster)).Any(e => e.Reason == "SpecChanged"), "SpecChanged is stored");
        await StoreHasCaughtUpWithTheClustersEventsAsync(cluster, simulator);
        var before = Describe(await OperatorEventsAsync(cluster));

        await cluster.StopWatcherAsync();
        await cluster.StartWatcherAsync();

        Assert.Equal(before, Describe(await OperatorEventsAsync(cluster)));
    }

    [Fact]
    public async Task A_failing_savepoint_is_stored_failed_with_its_error_event_and_shown_on_the_blocked_upgrade()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithUpgradeMode("savepoint").WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, "true")
            .WithConfiguration("kubernetes.operator.periodic.savepoint.interval", "2m").Build());
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(5));
        await cluster.UntilAsync(Ns, App, a => a.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");

        simulator.Api.PatchFlinkDeployment(Ns, App, Parallelism(3));
        await simulator.Clock.AdvanceAsync(TimeSpan.FromMinutes(3));
        await cluster.UntilAsync(Ns, App, a => a.Summary.LatestInstance?.Sequence == 2, "#2 is created");
        await Eventually.TrueAsync(async () => (await OperatorEventsAsync(cluster)).Any(e => e.Reason == "SavepointError" && e.Source == "Snapshot"), "SavepointError is stored");

        var instances = await cluster.InstancesAsync(Ns, App);
        var failed = (await SnapshotsAsync(cluster, 1)).Where(s => s.State == "FAILED").ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, s => Assert.Contains("CheckpointException", s.Error, StringComparison.Ordinal));
        var aboutSnapshots = (await OperatorEventsAsync(cluster)).Where(e => e.Reason == "SavepointError" && e.Source == "Snapshot").ToList();
        Assert.NotEmpty(aboutSnapshots);
        Assert.All(aboutSnapshots, e => Assert.Equal(("Warning", instances[0].Uid), (e.EventType, e.InstanceUid)));
        var pending = (await cluster.Queries.GetInstanceAsync(new ApplicationKey(Ns, App), instances[1].Uid, CancellationToken.None))!;
        Assert.Null(pending.Instance.ReconciledAt);
        Assert.NotEmpty(pending.Lineage.BlockingSnapshots);
        Assert.All(pending.Lineage.BlockingSnapshots, s => Assert.Equal("FAILED", s.State));
    }

    private static JsonObject Parallelism(int parallelism) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism } } };

    private static async Task<IReadOnlyList<EventView>> OperatorEventsAsync(WatchedCluster cluster) =>
        [.. (await cluster.Queries.ListEventsAsync(new ApplicationKey(Ns, App), 0, 500, CancellationToken.None))!.Items.Where(e => e.IsOperatorEvent)];

    private static async Task<IReadOnlyList<SnapshotView>> SnapshotsAsync(WatchedCluster cluster, int sequence)
    {
        var key = new ApplicationKey(Ns, App);
        var uid = (await cluster.InstancesAsync(Ns, App)).Single(i => i.Sequence == sequence).Uid;
        return (await cluster.Queries.GetInstanceAsync(key, uid, CancellationToken.None))!.Lineage.Snapshots;
    }

    // The operator may still bump an Event's count after the last assertion waited for: compare only once the store holds
    // every Event object of the cluster with its current count.
    private static async Task StoreHasCaughtUpWithTheClustersEventsAsync(WatchedCluster cluster, Cmf.Simulator.SimulatorServer simulator)
    {
        using var http = new SimulatorHttp(simulator.BaseUrl);
        await Eventually.TrueAsync(
            async () =>
            {
                var inCluster = (await ClusterEventsAsync(http)).Select(e => e!["count"]?.GetValue<long>() ?? 1).ToList();
                var stored = await OperatorEventsAsync(cluster);
                return stored.Count == inCluster.Count && stored.Sum(e => (long)e.Count) == inCluster.Sum();
            },
            "the store holds every Event of the cluster with its count");
    }

    private static async Task<IReadOnlyList<JsonNode?>> ClusterEventsAsync(SimulatorHttp http) =>
        [.. (await http.GetAsync($"/api/v1/namespaces/{Ns}/events")).Object["items"]!.AsArray()];

    private static List<string> Describe(IEnumerable<EventView> events) =>
        [.. events.Select(e => $"{e.Id} {e.Reason} {e.EventType} {e.Source} x{e.Count} {e.InstanceUid} {e.Timestamp:O} {e.LastSeenAt:O} {e.Message}")];
}
