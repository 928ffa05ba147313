using System.Diagnostics;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Telemetry;
using Cmf.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Ingest;

/// <summary>
/// Commits one batch (its tracker results, watch positions and new environments in one transaction) and tells the
/// change feed; when that fails, forgets what the batch believed, reloads it from the store and asks for a relist.
/// </summary>
internal sealed class BatchCommitter(
    InstanceStore store,
    ChangeFeed feed,
    TrackedApplications applications,
    EnvironmentDiscovery environments,
    RelistSignal relist,
    IngestSettings settings,
    TimeProvider time,
    ILogger logger,
    CmfMetrics? metrics,
    Action storedChanged)
{
    /// <summary>Batches committed since start (for diagnostics).</summary>
    public long CommittedBatches { get; private set; }

    public async Task CommitAsync(
        List<TrackerResult> batch, Dictionary<string, string> positions, List<EnvironmentInfo> newEnvironments, CancellationToken cancellationToken)
    {
        if (batch.Count == 0 && positions.Count == 0 && newEnvironments.Count == 0)
        {
            return;
        }
        try
        {
            if (newEnvironments.Count > 0)
            {
                await store.UpsertEnvironmentsAsync(EnvironmentDiscovery.Fingerprinted(newEnvironments), cancellationToken);
            }
            var started = Stopwatch.GetTimestamp();
            CommitResult committed;
            using (var span = CmfActivities.Source.StartActivity("cmf.ingest.commit"))
            {
                span?.SetTag("cmf.batch.size", batch.Count);
                span?.SetTag("cmf.batch.applications", batch.Select(r => r.State.Key).Distinct().Count());
                committed = await store.CommitAsync(batch, positions, cancellationToken);
            }
            CommittedBatches++;
            storedChanged();
            metrics?.BatchCommitted(batch.Count, Stopwatch.GetElapsedTime(started), batch.Sum(r => r.PrunedInstanceUids.Count));
            // A store that announces its commits (PostgreSQL's NOTIFY) reaches every replica's feed, this one's included.
            if (!store.AnnouncesCommits)
            {
                feed.Publish(committed.Changes());
            }
        }
        catch (WriterDeposedException)
        {
            // Another replica leads and writes now: this pipeline must stop, not reload and relist.
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Committing {Count} tracker results failed; reloading their applications and relisting.", batch.Count);
            metrics?.CommitFailed();
            await RecoverAsync(batch, newEnvironments, cancellationToken);
        }
    }

    /// <summary>The observations of the batch are lost: forget what we believed and relist from the cluster.</summary>
    private async Task RecoverAsync(List<TrackerResult> batch, List<EnvironmentInfo> newEnvironments, CancellationToken cancellationToken)
    {
        var touched = batch.Select(r => r.State.Key).ToHashSet();
        foreach (var key in touched)
        {
            applications.Forget(key);
        }
        environments.NotStored(newEnvironments);
        try
        {
            foreach (var state in await store.LoadStatesAsync(touched, cancellationToken))
            {
                applications.Set(state);
            }
        }
        catch (Exception reload) when (reload is not OperationCanceledException)
        {
            logger.LogError(reload, "Reloading {Count} applications failed; they start afresh from the relist.", touched.Count);
        }
        storedChanged();
        relist.Request();
        await Task.Delay(settings.FailurePause, time, cancellationToken);
    }
}
