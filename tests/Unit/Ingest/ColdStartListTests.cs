using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using k8s;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// The cold start's optimisations change nothing but speed: a list read in pages holds the same objects as one read
/// whole, the store a parallel mapper builds equals the one a serial mapper builds, row by row, and a list whose
/// continue expires half-way is listed again.
/// </summary>
public sealed class ColdStartListTests
{
    // Above the pipeline's and the reader's parallel thresholds (64), in several namespaces.
    private const int Applications = 90;
    private static readonly string[] Namespaces = ["team-a", "team-b", "team-c"];

    [Fact]
    public async Task A_list_read_in_pages_gives_the_same_store_as_one_read_whole()
    {
        await using var simulator = await SettledClusterAsync();

        var whole = await ListEverythingAsync(simulator, pageSize: 0);
        var paged = await ListEverythingAsync(simulator, pageSize: 7);

        Assert.Equal(Versions(whole), Versions(paged));
        Assert.Equal(Texts(whole), Texts(paged));
        var wholeStore = await StoreRowsAfterAsync(whole, parallelMapping: true);
        var pagedStore = await StoreRowsAfterAsync(paged, parallelMapping: true);
        Assert.Equal(Applications, wholeStore.Count(r => r.StartsWith("Applications: ", StringComparison.Ordinal)));
        Assert.Equal(wholeStore, pagedStore);
    }

    [Fact]
    public async Task A_parallel_mapper_gives_the_same_store_as_the_serial_one()
    {
        await using var simulator = await SettledClusterAsync();
        var lists = await ListEverythingAsync(simulator, pageSize: 25);

        var serial = await StoreRowsAfterAsync(lists, parallelMapping: false);
        var parallel = await StoreRowsAfterAsync(lists, parallelMapping: true);

        Assert.Equal(Applications, serial.Count(r => r.StartsWith("Instances: ", StringComparison.Ordinal)));
        Assert.Equal(Applications, serial.Count(r => r.StartsWith("Clusters: ", StringComparison.Ordinal)));
        // The FlinkDeployment Event list is long enough to be mapped in parallel too, and every Event in it is stored.
        var events = lists.Single(l => l.Kind == ResourceKind.FlinkDeploymentEvent).Items.Count;
        Assert.True(events >= 64, $"{events} Events");
        Assert.Equal(events, serial.Count(r => r.StartsWith("Events: ", StringComparison.Ordinal) && r.Contains("Key=k8s-event:", StringComparison.Ordinal)));
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public async Task A_continue_that_expires_half_way_through_a_list_is_recovered_by_listing_again()
    {
        await using var simulator = await SettledClusterAsync();
        simulator.Faults.ExpireNextListContinue();

        await using var cluster = await WatchedCluster.StartAsync(simulator, listPageSize: 10);

        Assert.Equal(1, simulator.Faults.ExpiredListContinues);
        var applications = simulator.Api.ListFlinkDeployments()
            .Select(fd => (fd["metadata"]!["namespace"]!.GetValue<string>(), fd["metadata"]!["name"]!.GetValue<string>()))
            .ToList();
        Assert.Equal(Applications, applications.Count);
        var comparison = await GroundTruthComparison.RunAsync(cluster, applications);
        Assert.True(comparison.Differences.Count == 0, comparison.Summary);
        Assert.Equal(Applications, comparison.InstancesCompared);
    }

    /// <summary>Applications spread over namespaces, each deployed by the simulated operator: JobManager Deployment and pod.</summary>
    internal static async Task<SimulatorServer> SettledClusterAsync()
    {
        var simulator = await TestSimulator.StartAsync();
        foreach (var ns in Namespaces)
        {
            simulator.Api.CreateNamespace(ns);
        }
        for (var i = 0; i < Applications; i++)
        {
            simulator.Api.CreateFlinkDeployment(Namespaces[i % Namespaces.Length], FlinkDeploymentBuilder.Named($"app-{i:D3}").WithUpgradeMode("savepoint").Build());
        }
        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        return simulator;
    }

    /// <summary>Each watched kind's list, as the watcher's first start reads it.</summary>
    internal static async Task<IReadOnlyList<ResourceListed>> ListEverythingAsync(SimulatorServer simulator, int pageSize)
    {
        using var temp = new TempDirectory();
        using var client = new ApiServerClient(KubernetesClientConfiguration.BuildConfigFromConfigFile(simulator.WriteKubeconfig(temp.File("kubeconfig"))));
        var lists = new List<ResourceListed>();
        foreach (var api in ResourceApi.For(client, namespaces: null))
        {
            var (items, version) = await api.ListAsync(pageSize, CancellationToken.None);
            lists.Add(new ResourceListed(api.Kind, api.Namespace, items, version));
        }
        return lists;
    }

    /// <summary>A fresh store after the pipeline applied the lists one after another (each committed before the next), at one frozen time.</summary>
    private static async Task<IReadOnlyList<string>> StoreRowsAfterAsync(IReadOnlyList<ResourceListed> lists, bool parallelMapping)
    {
        using var data = new TempDirectory();
        var path = data.File("cmf.db");
        var time = new FrozenTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using (var provider = new SqliteStoreProvider(new SqliteStoreOptions(path)))
        {
            using var store = new InstanceStore(provider, StoreOptions.Default, time);
            await store.InitializeAsync(CancellationToken.None);
            var health = new WatchHealth();
            using var relist = new RelistSignal();
            var pipeline = new IngestPipeline(
                store, new ChangeFeed(), new EnvironmentCatalog([], watchAllNamespaces: true), health, relist,
                new IngestSettings(TrackerSettings.Default) { ParallelMapping = parallelMapping }, time, NullLogger<IngestPipeline>.Instance);
            using var stop = new CancellationTokenSource();
            var running = pipeline.RunAsync("https://cluster.test", stop.Token);
            foreach (var list in lists)
            {
                var name = WatchHealth.NameOf(list.Kind, list.Namespace);
                await pipeline.Input.WriteAsync(list);
                await Eventually.TrueAsync(() => health.Watches.Any(w => w.Name == name && w.ListCommitted) || running.IsCompleted, $"the {name} list is committed");
                Assert.False(running.IsCompleted, "the pipeline stopped by itself");
            }
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        }
        return await StoreRows.ReadAsync(path);
    }

    private static IEnumerable<string> Versions(IReadOnlyList<ResourceListed> lists) => lists.Select(l => $"{l.Kind} {l.ResourceVersion}");

    private static IEnumerable<string> Texts(IReadOnlyList<ResourceListed> lists) => lists.SelectMany(l => l.Items.Select(i => i.Json.ToJsonString()));

    /// <summary>The same instant for every reading of the clock; timers run on real time.</summary>
    internal sealed class FrozenTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
