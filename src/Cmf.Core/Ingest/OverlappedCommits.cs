using Microsoft.Extensions.Logging;

namespace Cmf.Core.Ingest;

/// <summary>
/// The batch being tracked and the one being committed, at most one: while a batch commits, the pipeline thread maps
/// and tracks the next. A commit starts only after the previous one is settled, so commits (and the change feed's
/// publications, which each commit makes as it ends) keep the order of their batches.
/// </summary>
internal sealed class OverlappedCommits(BatchCommitter committer, string positionScope, bool overlap)
{
    private IngestBatch? _committing;

    /// <summary>The batch signals are tracked into now.</summary>
    public IngestBatch Tracking { get; private set; } = new(positionScope);

    /// <summary>The commit in flight (true: committed), or null.</summary>
    public Task<bool>? InFlight { get; private set; }

    /// <summary>Starts committing the tracked batch (if it holds anything) and opens the next one.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        if (InFlight is not null)
        {
            throw new InvalidOperationException("One commit at a time: the commit in flight must be settled first.");
        }
        if (Tracking.IsEmpty)
        {
            return;
        }
        var batch = Tracking;
        _committing = batch;
        // On another thread: SQLite's async calls complete synchronously, so a commit awaited here would hold the pipeline
        // thread until it ended.
        InFlight = overlap
            ? Task.Run(() => committer.CommitAsync(batch, cancellationToken), CancellationToken.None)
            : committer.CommitAsync(batch, cancellationToken);
        Tracking = new IngestBatch(positionScope);
    }

    /// <summary>Waits for the commit in flight and says how it ended; null when none was in flight.</summary>
    public async Task<SettledCommit?> SettleAsync()
    {
        if (InFlight is not { } commit || _committing is not { } batch)
        {
            return null;
        }
        InFlight = null;
        _committing = null;
        return new SettledCommit(batch, await commit);
    }

    /// <summary>The tracked batch is lost (it built on a failed commit): hands it back for recovery and opens a new one.</summary>
    public IngestBatch DropTracking()
    {
        var lost = Tracking;
        Tracking = new IngestBatch(positionScope);
        return lost;
    }

    /// <summary>At stop: waits for the commit in flight, whatever its end.</summary>
    public async Task DrainAsync(ILogger logger)
    {
        if (InFlight is not { } commit)
        {
            return;
        }
        InFlight = null;
        _committing = null;
        try
        {
            await commit;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The last commit before the ingest pipeline stopped failed.");
        }
    }
}

/// <summary>A commit that ended: its batch, and whether it is stored.</summary>
internal sealed record SettledCommit(IngestBatch Batch, bool Committed);
