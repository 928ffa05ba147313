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
            settings.WatchTimeoutSeconds, settings.Watchdog, settings.InitialBackoff, settings.MaxBackoff, time);
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
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
