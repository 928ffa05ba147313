using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;
using Xunit.Abstractions;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// Random spec changes over many applications while every kind of fault hits the watcher: dropped watches,
/// expired resource versions (410), 5xx answers, stalled and silent watches, an API server restart and a
/// dashboard restart mid-stream. The store must end equal to the simulator's ground truth.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const int Applications = 20;
    private const int SpecChanges = 200;
    private static readonly string[] Namespaces = ["alpha", "beta"];
    private static readonly string[] UpgradeModes = ["savepoint", "stateless", "last-state"];

    [Fact]
    public async Task Store_equals_the_ground_truth_after_200_spec_changes_under_every_kind_of_fault()
    {
        await using var simulator = await TestSimulator.StartAsync(configure: o => o.Seed = 11);
        var apps = new List<(string Namespace, string Name)>();
        foreach (var ns in Namespaces)
        {
            simulator.Api.CreateNamespace(ns);
        }
        for (var i = 0; i < Applications; i++)
        {
            var app = (Namespaces[i % Namespaces.Length], $"soak-{i:D2}");
            apps.Add(app);
            var builder = FlinkDeploymentBuilder.Named(app.Item2).WithUpgradeMode(UpgradeModes[i % UpgradeModes.Length]);
            simulator.Api.CreateFlinkDeployment(app.Item1, (i % 3 == 0 ? builder.WithHighAvailability() : builder).Build());
        }
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        var random = new Random(42);
        var faults = new List<string>();

        for (var step = 0; step < SpecChanges; step++)
        {
            var (ns, name) = apps[random.Next(apps.Count)];
            simulator.Api.PatchFlinkDeployment(ns, name, SpecPatch(step, 1 + random.Next(6)));
            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(random.Next(1, 12)));
            switch (step % 25)
            {
                case 3:
                    faults.Add($"step {step}: dropped {simulator.Faults.DropAllWatches()} watches");
                    break;
                case 6:
                    simulator.Faults.FailNextRequests(4, 503);
                    simulator.Faults.DropAllWatches();
                    faults.Add($"step {step}: 4 requests answered 503");
                    break;
                case 9:
                    simulator.Faults.StallNextRequests(3, TimeSpan.FromSeconds(1));
                    simulator.Faults.DropAllWatches();
                    faults.Add($"step {step}: 3 requests stalled");
                    break;
                case 12:
                    await SilenceWatchesAsync(simulator);
                    faults.Add($"step {step}: watches silent beyond the watchdog");
                    break;
                case 15:
                    await simulator.RestartListenerAsync();
                    faults.Add($"step {step}: API server restarted");
                    break;
                case 18:
                    await cluster.StopWatcherAsync();
                    for (var missed = 0; missed < 3; missed++)
                    {
                        var (downNs, downName) = apps[random.Next(apps.Count)];
                        simulator.Api.PatchFlinkDeployment(downNs, downName, SpecPatch(SpecChanges + (step * 3) + missed, parallelism: null));
                        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(5));
                    }
                    await cluster.StartWatcherAsync();
                    faults.Add($"step {step}: dashboard restarted with 3 changes made while it was down");
                    break;
                case 21:
                    // Expiry loses the events between the watcher's position and the compaction. Catch up first and make
                    // one change per application at most while the watches are cut: the relist then sees everything.
                    await WaitForConvergenceAsync(cluster, apps);
                    var relistsBefore = cluster.RelistsByWatch();
                    simulator.Faults.FailNextRequests(6, 503);
                    simulator.Faults.DropAllWatches();
                    var (expiredNs, expiredName) = apps[random.Next(apps.Count)];
                    simulator.Api.PatchFlinkDeployment(expiredNs, expiredName, SpecPatch(SpecChanges * 10 + step, parallelism: null));
                    simulator.Faults.CompactResourceVersions();
                    await Eventually.TrueAsync(() => cluster.EveryWatchRelistedSince(relistsBefore), "every watch relisted after the expiry");
                    faults.Add($"step {step}: watches cut, one change, resource versions expired (410), relisted");
                    break;
            }
        }
        for (var settle = 0; settle < 10; settle++)
        {
            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        }

        var comparison = await WaitForConvergenceAsync(cluster, apps);
        output.WriteLine(string.Join(Environment.NewLine, faults));
        output.WriteLine(comparison.Summary);
        output.WriteLine($"watch relists {cluster.Relists}, watch restarts {cluster.Restarts}, dashboard starts {cluster.Starts}");
        Assert.True(comparison.Differences.Count == 0, comparison.Summary);
        Assert.True(comparison.InstancesCompared >= SpecChanges + Applications, comparison.Summary);
        Assert.True(comparison.ClustersCompared >= Applications, comparison.Summary);
        Assert.Equal(Applications, comparison.JobStatesCompared);
        Assert.True(cluster.Relists > 0, "no 410 relist was exercised");
        Assert.True(cluster.Restarts > 0, "no watch restart was exercised");
        Assert.True(cluster.Starts > 1, "the dashboard was never restarted");
    }

    private static JsonObject SpecPatch(int step, int? parallelism)
    {
        var spec = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["soak.step"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        if (parallelism is { } p)
        {
            spec["job"] = new JsonObject { ["parallelism"] = p };
        }
        return new JsonObject { ["spec"] = spec };
    }

    private static async Task SilenceWatchesAsync(Cmf.Simulator.SimulatorServer simulator)
    {
        simulator.Faults.WatchesStalled = true;
        try
        {
            // Longer than the watcher's watchdog (3 s in WatchedCluster): the silent watch must be restarted.
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            simulator.Faults.WatchesStalled = false;
        }
    }

    private static async Task<GroundTruthComparison> WaitForConvergenceAsync(WatchedCluster cluster, IReadOnlyList<(string, string)> apps)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await cluster.ThrowIfStoppedAsync();
            var comparison = await GroundTruthComparison.RunAsync(cluster, apps);
            if (comparison.Differences.Count == 0 || DateTime.UtcNow > deadline)
            {
                return comparison;
            }
            await Task.Delay(100);
        }
    }
}
