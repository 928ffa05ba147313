using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Ingest;

/// <summary>
/// One cluster's ingest: the watches resume from the positions the store holds for this API server and feed the
/// pipeline; the pipeline commits. Stops them all together.
/// </summary>
public sealed class ClusterIngest(
    ApiServerClient client,
    IngestPipeline pipeline,
    InstanceStore store,
    EnvironmentCatalog environments,
    WatchHealth health,
    RelistSignal relist,
    ClusterWatcherSettings settings,
    TimeProvider time,
    ILoggerFactory loggers,
    CmfMetrics? metrics = null)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var watcher = new ClusterWatcher(client, health, relist, settings, time, loggers, metrics);
        var scope = watcher.Scope;
        var positions = await store.LoadWatchPositionsAsync(cancellationToken);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = watcher.RunAsync(
            environments.WatchedNamespaces, pipeline.Input, name => positions.GetValueOrDefault(WatchPositions.Key(scope, name)), stopping.Token);
        var pipelineRun = pipeline.RunAsync(scope, stopping.Token);
        try
        {
            // The pipeline only ends by failing or by cancellation; either way the loops go with it.
            await pipelineRun;
        }
        finally
        {
            await stopping.CancelAsync();
            await loops.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
