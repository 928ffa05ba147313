using System.Threading.Channels;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Telemetry;
using Cmf.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Ingest;

/// <summary>
/// The imperative shell around the tracker: watch signals in, one writer committing batches, the change feed
/// told after each commit. The input channel is bounded, so a burst makes the watch loops wait (and the API
/// server's stream with them) instead of growing memory.
/// </summary>
public sealed class IngestPipeline : IIngestGauges
{
    private readonly Channel<WatchSignal> _input;
    private readonly InstanceStore _store;
    private readonly WatchHealth _health;
    private readonly IngestSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CmfMetrics? _metrics;
    private readonly TrackedApplications _applications = new();
    private readonly SnapshotOwners _snapshotOwners = new();
    private readonly EnvironmentDiscovery _environments;
    private readonly SignalObservations _observations;
    private readonly BatchCommitter _committer;
    private readonly FlinkDeploymentListFirst _listOrder;
    private long _trackedBatches;

    /// <summary>While signals are held for a FlinkDeployment list, how often to look whether its watch failed.</summary>
    private static readonly TimeSpan HeldSignalsCheck = TimeSpan.FromMilliseconds(100);

    public IngestPipeline(
        InstanceStore store,
        ChangeFeed feed,
        EnvironmentCatalog environments,
        WatchHealth health,
        RelistSignal relist,
        IngestSettings settings,
        TimeProvider time,
        ILogger<IngestPipeline> logger,
        CmfMetrics? metrics = null)
        : this(store, new InstanceBatchStore(store), feed, environments, health, relist, settings, time, logger, metrics)
    {
    }

    /// <summary>Commits through <paramref name="commits"/> (a test puts a failing store in front of the real one).</summary>
    internal IngestPipeline(
        InstanceStore store,
        IBatchStore commits,
        ChangeFeed feed,
        EnvironmentCatalog environments,
        WatchHealth health,
        RelistSignal relist,
        IngestSettings settings,
        TimeProvider time,
        ILogger<IngestPipeline> logger,
        CmfMetrics? metrics = null)
    {
        _store = store;
        _health = health;
        _settings = settings;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _environments = new EnvironmentDiscovery(environments);
        _observations = new SignalObservations(new ObjectMapping(_environments, _snapshotOwners, settings.ParallelMapping), _applications);
        _listOrder = new FlinkDeploymentListFirst(health);
        _committer = new BatchCommitter(commits, feed, _applications, _environments, relist, settings, time, logger, metrics);
        _input = Channel.CreateBounded<WatchSignal>(new BoundedChannelOptions(settings.InputCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelWriter<WatchSignal> Input => _input.Writer;

    /// <summary>Signals waiting to be applied (for diagnostics).</summary>
    public int QueuedSignals => _input.Reader.Count;

    /// <summary>Batches committed since start (for diagnostics).</summary>
    public long CommittedBatches => _committer.CommittedBatches;

    /// <summary>Batches of signals tracked since start (for diagnostics; tests use it to see a batch tracked during a commit).</summary>
    internal long TrackedBatches => Interlocked.Read(ref _trackedBatches);

    /// <summary>What the tracker believes of every application; read it only while the pipeline is stopped.</summary>
    internal IReadOnlyList<ApplicationState> TrackedStates() => [.. _applications.All];

    /// <summary>Applications the store holds, as of the last commit (for metrics).</summary>
    public int StoredApplications { get; private set; }

    /// <summary>Retained instances the store holds, as of the last commit (for metrics).</summary>
    public int StoredInstances { get; private set; }

    /// <summary>
    /// Loads what the store knows, then applies signals until cancelled. Watch positions are stored under
    /// <paramref name="positionScope"/> (the API server's address), so positions of another cluster are never used.
    /// </summary>
    public async Task RunAsync(string positionScope, CancellationToken cancellationToken)
    {
        var known = _environments.Known;
        await _store.UpsertEnvironmentsAsync(EnvironmentDiscovery.Fingerprinted(known), cancellationToken);
        _environments.Stored(known);
        await _applications.LoadAllAsync(_store, cancellationToken);
        _snapshotOwners.Load(_applications.All);
        _logger.LogInformation("Ingest pipeline loaded {Count} applications from the store.", _applications.Count);
        CountStored();
        _metrics?.Attach(this);
        try
        {
            await ApplySignalsAsync(positionScope, cancellationToken);
        }
        finally
        {
            _metrics?.Detach(this);
        }
    }

    private async Task ApplySignalsAsync(string positionScope, CancellationToken cancellationToken)
    {
        var reader = _input.Reader;
        var commits = new OverlappedCommits(_committer, positionScope, _settings.OverlapCommits);
        var signals = new List<WatchSignal>();
        try
        {
            var waiting = reader.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                while (_listOrder.Holding && !waiting.IsCompleted)
                {
                    await Task.WhenAny(waiting, Task.Delay(HeldSignalsCheck, _time, cancellationToken));
                    await ApplyAndCommitAsync(_listOrder.ReleaseFailed(), commits, cancellationToken);
                }
                if (commits.InFlight is { } commit && !waiting.IsCompleted)
                {
                    // Nothing to track yet: settle the commit as soon as it ends, so its lists count as committed (and a
                    // failure is recovered) without waiting for the next signal.
                    await Task.WhenAny(waiting, commit);
                    if (commit.IsCompleted)
                    {
                        await SettleAsync(commits, cancellationToken);
                    }
                    continue;
                }
                if (!await waiting)
                {
                    return;
                }
                if (_settings.ReorderWindow > TimeSpan.Zero)
                {
                    await Task.Delay(_settings.ReorderWindow, _time, cancellationToken);
                }
                while (signals.Count < _settings.MaxBatchSize && reader.TryRead(out var next))
                {
                    signals.Add(next);
                }
                var ordered = SignalOrder.ByResourceVersion(signals);
                await ApplyAndCommitAsync(_settings.FlinkDeploymentListFirst ? ordered.SelectMany(_listOrder.Admit) : ordered, commits, cancellationToken);
                signals.Clear();
                waiting = reader.WaitToReadAsync(cancellationToken).AsTask();
            }
        }
        finally
        {
            // Never leave a commit running behind a stopped pipeline (its store may be disposed next); it has published
            // what it committed by the time it ends.
            await commits.DrainAsync(_logger);
        }
    }

    /// <summary>
    /// Tracks the signals into the next batch (while the previous batch may still be committing), then waits for that
    /// commit and starts this batch's.
    /// </summary>
    private async Task ApplyAndCommitAsync(IEnumerable<WatchSignal> signals, OverlappedCommits commits, CancellationToken cancellationToken)
    {
        var batch = commits.Tracking;
        var applied = 0;
        foreach (var signal in signals)
        {
            Apply(signal, batch.Results, batch.NewEnvironments);
            batch.Positions.Note(signal);
            applied++;
        }
        if (applied > 0)
        {
            Interlocked.Increment(ref _trackedBatches);
        }
        await SettleAsync(commits, cancellationToken);
        commits.Start(cancellationToken);
        if (!_settings.OverlapCommits)
        {
            await SettleAsync(commits, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the commit in flight. Committed: its lists count as committed. Failed: the batch tracked on top of it
    /// is lost with it (its states build on the failed batch's), so both are forgotten, reloaded and relisted.
    /// </summary>
    private async Task SettleAsync(OverlappedCommits commits, CancellationToken cancellationToken)
    {
        if (await commits.SettleAsync() is not { } settled)
        {
            return;
        }
        if (settled.Committed)
        {
            foreach (var name in settled.Batch.Positions.CompletedLists)
            {
                _health.MarkListCommitted(name);
            }
        }
        else
        {
            await _committer.RecoverAsync([settled.Batch, commits.DropTracking()], cancellationToken);
        }
        CountStored();
    }

    /// <summary>Each observation of the signal through the tracker; what changed joins the batch.</summary>
    private void Apply(WatchSignal signal, List<TrackerResult> batch, List<EnvironmentInfo> newEnvironments)
    {
        foreach (var observation in _observations.Of(signal, newEnvironments).OfType<Observation>())
        {
            if (observation is ResourceRejected { Application.Name.Length: 0 } nameless)
            {
                // Without a name there is no application to file it under; the log is the record.
                _logger.LogWarning("Skipped an unreadable {Kind} in namespace {Namespace}: {Reason}", nameless.Kind, nameless.Namespace, nameless.Reason);
                continue;
            }
            var state = _applications.StateOf(observation.Application, observation.Namespace);
            var result = InstanceTracker.Apply(state, observation, _time.GetUtcNow(), _settings.Tracker);
            if (result.HasChanges)
            {
                _applications.Set(result.State);
                batch.Add(result);
            }
            if (observation is FlinkStateSnapshotObserved snapshot)
            {
                SnapshotSeen(snapshot, batch, newEnvironments);
            }
        }
    }

    /// <summary>Files the snapshot's owner, then applies the Events about it that arrived first (separate watches).</summary>
    private void SnapshotSeen(FlinkStateSnapshotObserved snapshot, List<TrackerResult> batch, List<EnvironmentInfo> newEnvironments)
    {
        foreach (var waiting in _snapshotOwners.Add(snapshot.Namespace, snapshot.Snapshot.Name, snapshot.Application))
        {
            Apply(new ResourceChanged(ResourceKind.FlinkStateSnapshotEvent, snapshot.Namespace, WatchEventKind.Modified, waiting, ResourceVersion: null), batch, newEnvironments);
        }
    }

    private void CountStored()
    {
        StoredApplications = _applications.Count;
        StoredInstances = _applications.InstanceCount;
    }
}
