using System.Diagnostics;
using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Microsoft.Extensions.Logging;
using k8s;

namespace Cmf.Bench.Ingest;

/// <summary>What one replay of the stream through the product took.</summary>
internal sealed record PipelineMeasurement(TimeSpan Elapsed, long CommittedBatches, int Relists, int Restarts);

/// <summary>
/// The dashboard's ingest path, wired as the dashboard wires it (CmfHosting) with its default settings: the
/// ClusterWatcher over real HTTP, the IngestPipeline with the pure tracker, the InstanceStore on a SQLite file (or on
/// any other store provider: the scaleout part passes PostgreSQL's).
/// The store starts empty but holds each watch's position at the stream's start, as a dashboard restarted just
/// before the first change would: the watcher replays every recorded event, then reports ready.
/// </summary>
internal static class PipelineRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The dashboard's defaults. For diagnosis only, <c>CMF_BENCH_REORDER_MS</c> sets the reorder window (the figures are
    /// then not the product's: without the window, events of the three watches are applied as they arrive).
    /// </summary>
    private static IngestSettings Settings()
    {
        var settings = new IngestSettings(TrackerSettings.Default);
        return BenchEnvironment.Int("CMF_BENCH_REORDER_MS", 0, 1_000) is { } milliseconds
            ? settings with { ReorderWindow = TimeSpan.FromMilliseconds(milliseconds) }
            : settings;
    }

    public static async Task<PipelineMeasurement> ReplayAsync(RecordedStream stream, string databasePath, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var provider = new SqliteStoreProvider(new SqliteStoreOptions(databasePath));
        await using var _ = provider;
        return await ReplayAsync(stream, provider, loggers, cancellationToken);
    }

    /// <summary>Replays the stream into an empty store on <paramref name="provider"/> (the caller disposes it).</summary>
    public static async Task<PipelineMeasurement> ReplayAsync(RecordedStream stream, StoreProvider provider, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var store = new InstanceStore(provider, StoreOptions.Default);
        await store.InitializeAsync(cancellationToken);

        using var client = new ApiServerClient(new KubernetesClientConfiguration { Host = stream.Simulator.BaseUrl.ToString() });
        var scope = client.BaseUri.GetLeftPart(UriPartial.Authority);
        var start = stream.StartVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var positions = Enum.GetValues<ResourceKind>()
            .ToDictionary(kind => WatchPositions.Key(scope, WatchHealth.NameOf(kind, null)), _ => start, StringComparer.Ordinal);
        await store.CommitAsync([], positions, cancellationToken);

        var health = new WatchHealth();
        using var relist = new RelistSignal();
        var catalog = new EnvironmentCatalog([], watchAllNamespaces: true);
        var pipeline = new IngestPipeline(
            store, new ChangeFeed(), catalog, health, relist, Settings(), TimeProvider.System,
            loggers.CreateLogger<IngestPipeline>());
        var watcher = new ClusterIngest(
            client, pipeline, store, catalog, health, relist,
            new ClusterWatcherSettings(WatchTimeoutSeconds: 300, Watchdog: TimeSpan.FromSeconds(120)), TimeProvider.System, loggers);

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var running = Task.Run(() => watcher.RunAsync(stopping.Token), stopping.Token);
        while (!health.IsReady)
        {
            if (running.IsCompleted)
            {
                await running;
                throw new InvalidOperationException("The watcher stopped before it had replayed the stream.");
            }
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"The replay did not finish within {Limit}.");
            }
            await Task.Delay(5, cancellationToken);
        }
        var elapsed = clock.Elapsed;
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        return new PipelineMeasurement(
            elapsed, pipeline.CommittedBatches, health.Watches.Sum(w => w.Relists), health.Watches.Sum(w => w.Restarts));
    }
}
