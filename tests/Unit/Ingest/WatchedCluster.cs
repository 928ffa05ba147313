using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using k8s;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// The watcher, tracker, store and change feed of the dashboard, pointed over real HTTP at a simulated cluster
/// through the kubeconfig it writes; the store is a real SQLite file. The watcher can be stopped and started
/// again on the same database, as a dashboard restart would.
/// </summary>
internal sealed class WatchedCluster : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly SqliteStoreProvider _provider;
    private CancellationTokenSource? _running;
    private Task? _watcher;
    private InstanceStore _store;
    private int _previousRelists;
    private int _previousRestarts;
    private readonly string _kubeconfigPath;

    private WatchedCluster(SimulatorServer simulator)
    {
        Simulator = simulator;
        _kubeconfigPath = _data.File("simulator.kubeconfig");
        _provider = new SqliteStoreProvider(new SqliteStoreOptions(_data.File("cmf.db")));
        _store = new InstanceStore(_provider, StoreOptions.Default);
        Queries = new StoreQueries(_provider);
        History = new StoredHistory(Queries);
        Kubeconfig = simulator.WriteKubeconfig(_kubeconfigPath);
    }

    public SimulatorServer Simulator { get; private set; }

    // CMF_TEST_LOG=1 shows the watcher's and pipeline's log while a test runs.
    private static ILoggerFactory Loggers { get; } = Environment.GetEnvironmentVariable("CMF_TEST_LOG") == "1"
        ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Debug))
        : NullLoggerFactory.Instance;

    public StoreQueries Queries { get; }

    public StoredHistory History { get; }

    public ChangeFeed Feed { get; } = new();

    public WatchHealth Health { get; private set; } = new();

    public string Kubeconfig { get; }

    /// <summary>Each running watch's relists, by watch name: to wait until every one of them has relisted.</summary>
    public IReadOnlyDictionary<string, int> RelistsByWatch() => Health.Watches.ToDictionary(w => w.Name, w => w.Relists);

    /// <summary>Every watch counted in <paramref name="before"/> has relisted at least once since.</summary>
    public bool EveryWatchRelistedSince(IReadOnlyDictionary<string, int> before)
    {
        var now = RelistsByWatch();
        return before.All(w => now.TryGetValue(w.Key, out var relists) && relists > w.Value);
    }

    /// <summary>Relists (after 410 or a failed commit) over every start of the watcher.</summary>
    public int Relists => _previousRelists + Health.Watches.Sum(w => w.Relists);

    /// <summary>Watch restarts (errors, silence) over every start of the watcher.</summary>
    public int Restarts => _previousRestarts + Health.Watches.Sum(w => w.Restarts);

    public int Starts { get; private set; }

    public IngestPipeline? Pipeline { get; private set; }

    /// <summary>Objects per list request of the watcher (0: each list in one request).</summary>
    public int ListPageSize { get; private init; } = ClusterWatcherSettings.DefaultListPageSize;

    /// <summary>Puts something in front of the store the pipeline commits to (null: the store itself).</summary>
    public Func<IBatchStore, ChangeFeed, IBatchStore>? CommitsThrough { get; private init; }

    public static async Task<WatchedCluster> StartAsync(
        SimulatorServer simulator, int listPageSize = ClusterWatcherSettings.DefaultListPageSize, Func<IBatchStore, ChangeFeed, IBatchStore>? commitsThrough = null)
    {
        var cluster = new WatchedCluster(simulator) { ListPageSize = listPageSize, CommitsThrough = commitsThrough };
        await cluster.StartWatcherAsync();
        return cluster;
    }

    /// <summary>Starts a fresh watcher and pipeline on the same database (what a dashboard start does).</summary>
    public async Task StartWatcherAsync()
    {
        _store = new InstanceStore(_provider, StoreOptions.Default);
        await _store.InitializeAsync(CancellationToken.None);
        _previousRelists = Relists;
        _previousRestarts = Restarts;
        Health = new WatchHealth();
        Starts++;
        var relist = new RelistSignal();
        var catalog = new EnvironmentCatalog([], watchAllNamespaces: true);
        var commits = new InstanceBatchStore(_store);
        var pipeline = new IngestPipeline(
            _store, CommitsThrough?.Invoke(commits, Feed) ?? commits, Feed, catalog, Health, relist, new IngestSettings(TrackerSettings.Default), TimeProvider.System, Loggers.CreateLogger<IngestPipeline>());
        var client = new ApiServerClient(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        var watcher = new ClusterIngest(
            client, pipeline, _store, catalog, Health, relist,
            new ClusterWatcherSettings(WatchTimeoutSeconds: 300, Watchdog: TimeSpan.FromSeconds(3))
            {
                InitialBackoff = TimeSpan.FromMilliseconds(50),
                MaxBackoff = TimeSpan.FromSeconds(1),
                ListPageSize = ListPageSize,
            },
            TimeProvider.System, Loggers);
        Pipeline = pipeline;
        _running = new CancellationTokenSource();
        var token = _running.Token;
        _watcher = Task.Run(async () =>
        {
            try
            {
                await watcher.RunAsync(token);
            }
            finally
            {
                client.Dispose();
                relist.Dispose();
            }
        }, token);
        await Eventually.TrueAsync(() => Health.IsReady || _watcher.IsFaulted, "the watcher has listed everything once");
        if (_watcher.IsFaulted)
        {
            await _watcher;
        }
    }

    /// <summary>Surfaces a watcher that stopped by itself (it only ever should when told to).</summary>
    public async Task ThrowIfStoppedAsync()
    {
        if (_watcher is { IsCompleted: true } stopped)
        {
            await stopped;
            throw new InvalidOperationException("The watcher stopped although nobody asked it to.");
        }
    }

    /// <summary>Points the (stopped) watcher at another simulated cluster, as a changed kubeconfig would.</summary>
    public void SwitchTo(SimulatorServer other)
    {
        Simulator = other;
        other.WriteKubeconfig(_kubeconfigPath);
    }

    /// <summary>Stops the watcher as a dashboard shutdown would; the database stays.</summary>
    public async Task StopWatcherAsync()
    {
        if (_running is null || _watcher is null)
        {
            return;
        }
        await _running.CancelAsync();
        try
        {
            await _watcher;
        }
        catch (OperationCanceledException)
        {
        }
        _running.Dispose();
        _running = null;
        _watcher = null;
        _store.Dispose();
    }

    /// <summary>Every application's state as a fresh start would load it from the store.</summary>
    public async Task<IReadOnlyList<ApplicationState>> StoredStatesAsync()
    {
        using var store = new InstanceStore(_provider, StoreOptions.Default);
        var states = new List<ApplicationState>();
        await foreach (var state in store.LoadAllStatesAsync(CancellationToken.None))
        {
            states.Add(state);
        }
        return states;
    }

    /// <summary>Waits (bounded) until the stored application satisfies the condition; on timeout says what the store and cluster hold.</summary>
    public async Task UntilAsync(string ns, string name, Func<ApplicationDetailView, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await ApplicationAsync(ns, name) is { } app && condition(app))
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail($"Timed out waiting until {what}.{Environment.NewLine}{await DescribeAsync(ns, name)}");
    }

    public async Task<string> DescribeAsync(string ns, string name)
    {
        var key = new ApplicationKey(ns, name);
        var app = await ApplicationAsync(ns, name);
        var events = await Queries.ListEventsAsync(key, 0, 100, CancellationToken.None);
        var fd = Simulator.Api.GetFlinkDeployment(ns, name);
        var lines = new List<string>
        {
            $"stored: current #{app?.Summary.CurrentInstance?.Sequence} latest #{app?.Summary.LatestInstance?.Sequence} job {app?.Summary.JobState} error {app?.Summary.Error}",
            $"cluster: generation {fd?["metadata"]?["generation"]} status {fd?["status"]?.ToJsonString()}",
            "health: " + string.Join("; ", Health.Watches.Select(w => $"{w.Name} {w.Phase} relists {w.Relists} restarts {w.Restarts} {w.LastError}")),
            "events (newest first):",
        };
        lines.AddRange(events?.Items.Select(e => $"  {e.Timestamp:HH:mm:ss.fff} {e.Kind} {e.Message}") ?? []);
        return string.Join(Environment.NewLine, lines);
    }

    public Task<ApplicationDetailView?> ApplicationAsync(string ns, string name) => History.ApplicationAsync(ns, name);

    public Task<IReadOnlyList<InstanceState>> InstancesAsync(string ns, string name) => History.InstancesAsync(ns, name);

    public Task<IReadOnlyList<ClusterState>> ClustersAsync(string ns, string name) => History.ClustersAsync(ns, name);

    public async ValueTask DisposeAsync()
    {
        await StopWatcherAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }
}
