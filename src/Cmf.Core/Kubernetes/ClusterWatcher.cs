using Cmf.Core.Ingest;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// Runs one list/watch loop per kind and scope (every namespace, or each environment's) into the pipeline,
/// and the pipeline itself; stops them all together.
/// </summary>
public sealed class ClusterWatcher(
    ApiServerClient client,
    IngestPipeline pipeline,
    Storage.InstanceStore store,
    EnvironmentCatalog environments,
    WatchHealth health,
    RelistSignal relist,
    ClusterWatcherSettings settings,
    TimeProvider time,
    ILoggerFactory loggers,
    Telemetry.CmfMetrics? metrics = null)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watchSettings = new WatchSettings(
            settings.WatchTimeoutSeconds, settings.Watchdog, settings.InitialBackoff, settings.MaxBackoff, time, settings.ListPageSize);
        var logger = loggers.CreateLogger<ClusterWatcher>();
        var watches = ResourceApi.For(client, environments.WatchedNamespaces)
            .Select(api => new ResourceWatch(api, watchSettings, health, relist, logger, metrics))
            .ToList();
        foreach (var watch in watches)
        {
            health.Register(watch.Name);
        }

        var scope = client.BaseUri.GetLeftPart(UriPartial.Authority);
        var positions = await store.LoadWatchPositionsAsync(cancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipelineRun = pipeline.RunAsync(scope, stopping.Token);
        var loops = watches
            .Select(w => w.RunAsync(pipeline.Input, positions.GetValueOrDefault(WatchPositions.Key(scope, w.Name)), stopping.Token))
            .ToList();
        try
        {
            // The pipeline only ends by failing or by cancellation; either way the loops go with it.
            await pipelineRun;
        }
        finally
        {
            await stopping.CancelAsync();
            await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }
}

/// <summary>Timing of the watch loops (from <c>Cmf:Cluster</c>).</summary>
public sealed record ClusterWatcherSettings(int WatchTimeoutSeconds, TimeSpan Watchdog)
{
    /// <summary>client-go's pager and kubectl's <c>--chunk-size</c> default.</summary>
    public const int DefaultListPageSize = 500;

    /// <summary>Objects per list request; 0 asks for each list in one request.</summary>
    public int ListPageSize { get; init; } = DefaultListPageSize;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
