using System.Diagnostics;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Ingest;

/// <summary>
/// Commits one batch (its tracker results, watch positions and new environments in one transaction) and tells the
/// change feed; when that fails, the pipeline has it forget what the lost batches believed, reload that from the store
/// and ask for a relist.
/// </summary>
/// <remarks>
/// <see cref="CommitAsync"/> may run beside the pipeline thread (while it tracks the next batch), so it touches only the
/// store, the feed and the metrics; <see cref="RecoverAsync"/> changes what the tracker believes and runs on the
/// pipeline thread.
/// </remarks>
internal sealed class BatchCommitter(
    IBatchStore store,
    ChangeFeed feed,
    TrackedApplications applications,
    EnvironmentDiscovery environments,
    RelistSignal relist,
    IngestSettings settings,
    TimeProvider time,
    ILogger logger,
    CmfMetrics? metrics)
{
    private long _committedBatches;

    /// <summary>Batches committed since start (for diagnostics).</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>
    /// True when the batch is committed (or had nothing to commit) and its changes are published; false when the commit
    /// failed and the batch is lost. A deposed writer and cancellation are thrown.
    /// </summary>
    public async Task<bool> CommitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        if (!batch.HasWrites)
        {
            return true;
        }
        try
        {
            if (batch.NewEnvironments.Count > 0)
            {
                await store.UpsertEnvironmentsAsync(EnvironmentDiscovery.Fingerprinted(batch.NewEnvironments), cancellationToken);
            }
            var started = Stopwatch.GetTimestamp();
            CommitResult committed;
            using (var span = CmfActivities.Source.StartActivity("cmf.ingest.commit"))
            {
                span?.SetTag("cmf.batch.size", batch.Results.Count);
                span?.SetTag("cmf.batch.applications", batch.Applications.Distinct().Count());
                committed = await store.CommitAsync(batch.Results, batch.Positions.Positions, cancellationToken);
            }
            Interlocked.Increment(ref _committedBatches);
            metrics?.BatchCommitted(batch.Results.Count, Stopwatch.GetElapsedTime(started), batch.Results.Sum(r => r.PrunedInstanceUids.Count));
            // Published right after its own commit and before the next commit starts (one in flight), so the feed tells
            // commits in their order. A store that announces its commits (PostgreSQL's NOTIFY) reaches every replica's
            // feed, this one's included.
            if (!store.AnnouncesCommits)
            {
                feed.Publish(committed.Changes());
            }
            return true;
        }
        catch (WriterDeposedException)
        {
            // Another replica leads and writes now: this pipeline must stop, not reload and relist.
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Committing {Count} tracker results failed; reloading their applications and relisting.", batch.Results.Count);
            metrics?.CommitFailed();
            return false;
        }
    }

    /// <summary>
    /// The observations of the lost batches (the failed one and any tracked on top of it) are gone: forget what we
    /// believed of their applications, reload it from the store and relist from the cluster.
    /// </summary>
    public async Task RecoverAsync(IReadOnlyList<IngestBatch> lost, CancellationToken cancellationToken)
    {
        var touched = lost.SelectMany(b => b.Applications).ToHashSet();
        foreach (var key in touched)
        {
            applications.Forget(key);
        }
        foreach (var batch in lost)
        {
            environments.NotStored(batch.NewEnvironments);
        }
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
        // Asked only now: the relist's signals must be tracked on the reloaded states, not on the lost ones.
        relist.Request();
        await Task.Delay(settings.FailurePause, time, cancellationToken);
    }
}
