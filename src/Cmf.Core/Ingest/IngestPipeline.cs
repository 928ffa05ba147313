using System.Diagnostics;
using System.Threading.Channels;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
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
public sealed class IngestPipeline
{
    private readonly Channel<WatchSignal> _input;
    private readonly InstanceStore _store;
    private readonly ChangeFeed _feed;
    private readonly EnvironmentCatalog _environments;
    private readonly WatchHealth _health;
    private readonly RelistSignal _relist;
    private readonly IngestSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CmfMetrics? _metrics;
    private readonly Dictionary<ApplicationKey, ApplicationState> _states = [];
    private readonly HashSet<string> _storedEnvironments = new(StringComparer.Ordinal);
    private readonly SpecVersionCache _specs = new();
    private readonly SnapshotOwners _snapshotOwners = new();

    // Below this a list is mapped on the pipeline's thread: handing out the work would cost more than it saves.
    private const int ParallelMappingThreshold = 64;

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
    {
        _store = store;
        _feed = feed;
        _environments = environments;
        _health = health;
        _relist = relist;
        _settings = settings;
        _time = time;
        _logger = logger;
        _metrics = metrics;
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
    public long CommittedBatches { get; private set; }

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
        await _store.UpsertEnvironmentsAsync(Sealed(_environments.Known), cancellationToken);
        _storedEnvironments.UnionWith(_environments.Known.Select(e => e.Name));
        await foreach (var state in _store.LoadAllStatesAsync(cancellationToken))
        {
            _states[state.Key] = state;
        }
        _snapshotOwners.Load(_states.Values);
        _logger.LogInformation("Ingest pipeline loaded {Count} applications from the store.", _states.Count);
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
        var batch = new List<TrackerResult>();
        var listsInBatch = new List<string>();
        var positions = new Dictionary<string, string>(StringComparer.Ordinal);
        var newEnvironments = new List<EnvironmentInfo>();
        var signals = new List<WatchSignal>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            if (_settings.ReorderWindow > TimeSpan.Zero)
            {
                await Task.Delay(_settings.ReorderWindow, _time, cancellationToken);
            }
            while (signals.Count < _settings.MaxBatchSize && reader.TryRead(out var next))
            {
                signals.Add(next);
            }
            foreach (var signal in SignalOrder.ByResourceVersion(signals))
            {
                Handle(signal, batch, newEnvironments);
                var name = WatchHealth.NameOf(signal.Kind, signal.Namespace);
                var position = WatchPositions.Key(positionScope, name);
                switch (signal)
                {
                    case ResourceListed listed:
                        listsInBatch.Add(name);
                        positions[position] = listed.ResourceVersion;
                        break;
                    case ResourceCaughtUp:
                        listsInBatch.Add(name);
                        break;
                    case ResourceChanged { ResourceVersion: { } version }:
                        positions[position] = version;
                        break;
                }
            }
            signals.Clear();
            await CommitAsync(batch, positions, newEnvironments, cancellationToken);
            foreach (var name in listsInBatch)
            {
                _health.MarkListCommitted(name);
            }
            batch.Clear();
            positions.Clear();
            listsInBatch.Clear();
            newEnvironments.Clear();
        }
    }

    private void Handle(WatchSignal signal, List<TrackerResult> batch, List<EnvironmentInfo> newEnvironments)
    {
        foreach (var observation in Observations(signal, newEnvironments).OfType<Observation>())
        {
            if (observation is ResourceRejected { Application.Name.Length: 0 } nameless)
            {
                // Without a name there is no application to file it under; the log is the record.
                _logger.LogWarning("Skipped an unreadable {Kind} in namespace {Namespace}: {Reason}", nameless.Kind, nameless.Namespace, nameless.Reason);
                continue;
            }
            var state = _states.GetValueOrDefault(observation.Application) ?? ApplicationState.Empty(observation.Application, observation.Namespace);
            var result = InstanceTracker.Apply(state, observation, _time.GetUtcNow(), _settings.Tracker);
            if (result.HasChanges)
            {
                _states[observation.Application] = result.State;
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
            Handle(new ResourceChanged(ResourceKind.FlinkStateSnapshotEvent, snapshot.Namespace, WatchEventKind.Modified, waiting, ResourceVersion: null), batch, newEnvironments);
        }
    }

    private IEnumerable<Observation?> Observations(WatchSignal signal, List<EnvironmentInfo> newEnvironments)
    {
        switch (signal)
        {
            case ResourceChanged changed:
                var single = Map(changed.Kind, changed.Object, changed.Type == WatchEventKind.Deleted, newEnvironments);
                yield return (single, changed.Replayed) switch
                {
                    (JobManagerDeploymentObserved observed, true) => observed with { Replayed = true },
                    (JobManagerDeploymentDeleted deleted, true) => deleted with { Replayed = true },
                    (OperatorEventObserved observed, true) => observed with { Replayed = true },
                    (FlinkStateSnapshotObserved observed, true) => observed with { Replayed = true },
                    _ => single,
                };
                break;
            case ResourceListed { Kind: ResourceKind.FlinkDeployment } listed:
                foreach (var relisted in RelistFlinkDeployments(listed, newEnvironments))
                {
                    yield return relisted;
                }
                break;
            case ResourceListed { Kind: ResourceKind.JobManagerDeployment } listed:
                foreach (var relisted in RelistClusters(listed, newEnvironments))
                {
                    yield return relisted;
                }
                break;
            case ResourceListed listed:
                foreach (var mapped in MapListed(listed, newEnvironments))
                {
                    if (mapped is not null)
                    {
                        yield return mapped switch
                        {
                            OperatorEventObserved observed => observed with { Replayed = true },
                            FlinkStateSnapshotObserved observed => observed with { Replayed = true },
                            var other => other,
                        };
                    }
                }
                break;
        }
    }

    /// <summary>Every listed FlinkDeployment, and every known application of that scope the list no longer holds.</summary>
    private IEnumerable<Observation> RelistFlinkDeployments(ResourceListed listed, List<EnvironmentInfo> newEnvironments)
    {
        var present = new HashSet<ApplicationKey>();
        foreach (var mapped in MapListed(listed, newEnvironments))
        {
            switch (mapped)
            {
                case FlinkDeploymentObserved observed:
                    present.Add(observed.Application);
                    yield return new FlinkDeploymentRelisted(observed.Application, observed.Namespace, observed.Resource);
                    break;
                case { } other:
                    present.Add(other.Application);
                    yield return other;
                    break;
            }
        }
        foreach (var state in InScope(listed.Namespace).Where(s => !present.Contains(s.Key) && !s.ObjectDeleted && s.ObjectUid is not null))
        {
            yield return new FlinkDeploymentRelisted(state.Key, state.Namespace, Resource: null);
        }
    }

    /// <summary>One <see cref="ClustersRelisted"/> per application that has a listed or a live cluster.</summary>
    private IEnumerable<Observation> RelistClusters(ResourceListed listed, List<EnvironmentInfo> newEnvironments)
    {
        var byApplication = new Dictionary<ApplicationKey, (string Namespace, List<JobManagerDeploymentSnapshot> Deployments)>();
        foreach (var mapped in MapListed(listed, newEnvironments))
        {
            switch (mapped)
            {
                case JobManagerDeploymentObserved observed:
                    if (!byApplication.TryGetValue(observed.Application, out var entry))
                    {
                        entry = (observed.Namespace, []);
                        byApplication[observed.Application] = entry;
                    }
                    entry.Deployments.Add(observed.Deployment);
                    break;
                case { } other:
                    yield return other;
                    break;
            }
        }
        foreach (var state in InScope(listed.Namespace).Where(s => s.LiveCluster is not null && !byApplication.ContainsKey(s.Key)))
        {
            byApplication[state.Key] = (state.Namespace, []);
        }
        foreach (var (application, (@namespace, deployments)) in byApplication)
        {
            yield return new ClustersRelisted(application, @namespace, deployments);
        }
    }

    private IEnumerable<ApplicationState> InScope(string? @namespace) =>
        _states.Values.Where(s => @namespace is null || s.Namespace == @namespace).ToList();

    /// <summary>
    /// Every object of a list mapped, in list order. The environments are resolved one after another (the catalog and
    /// the environments to store are this thread's); the mapping itself is pure and, for a long list, runs on several
    /// threads (<see cref="IngestSettings.ParallelMapping"/>), while the tracker and the writer stay on this one.
    /// </summary>
    private Observation?[] MapListed(ResourceListed listed, List<EnvironmentInfo> newEnvironments)
    {
        var items = listed.Items;
        var environments = new EnvironmentInfo?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            environments[i] = EnvironmentOf(items[i], newEnvironments);
        }
        var mapped = new Observation?[items.Count];
        // Operator events are matched to snapshots through one shared table, so their lists are mapped on this thread.
        if (_settings.ParallelMapping && items.Count >= ParallelMappingThreshold
            && listed.Kind is not (ResourceKind.FlinkDeploymentEvent or ResourceKind.FlinkStateSnapshotEvent))
        {
            Parallel.For(0, items.Count, i => mapped[i] = MapIn(environments[i], listed.Kind, items[i], deleted: false));
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                mapped[i] = MapIn(environments[i], listed.Kind, items[i], deleted: false);
            }
        }
        return mapped;
    }

    private Observation? Map(ResourceKind kind, ApiObject item, bool deleted, List<EnvironmentInfo> newEnvironments) =>
        MapIn(EnvironmentOf(item, newEnvironments), kind, item, deleted);

    /// <summary>The environment the object's namespace belongs to (null: not watched); a new one is noted for storing.</summary>
    private EnvironmentInfo? EnvironmentOf(ApiObject item, List<EnvironmentInfo> newEnvironments)
    {
        var @namespace = NamespaceOf(item.Json);
        if (@namespace is null || _environments.Resolve(@namespace, out var discovered) is not { } environment)
        {
            return null;
        }
        if (discovered || !_storedEnvironments.Contains(environment.Name))
        {
            newEnvironments.Add(environment);
            _storedEnvironments.Add(environment.Name);
        }
        return environment;
    }

    private Observation? MapIn(EnvironmentInfo? environment, ResourceKind kind, ApiObject item, bool deleted)
    {
        if (environment is null)
        {
            return null;
        }
        switch (kind)
        {
            case ResourceKind.FlinkStateSnapshot:
                return item.Unreadable is null ? ObservationMapper.MapFlinkStateSnapshot(environment, item.Json, deleted) : null;
            case ResourceKind.FlinkDeploymentEvent or ResourceKind.FlinkStateSnapshotEvent:
                return item.Unreadable is null
                    ? ObservationMapper.MapOperatorEvent(environment, item.Json, deleted, name => _snapshotOwners.Find(environment.Namespace, name, item))
                    : null;
        }
        if (item.Unreadable is { } reason && !deleted)
        {
            // Only its identity was read. A deletion needs no more: the mappers read nothing but metadata for one.
            return ObservationMapper.MapUnreadable(environment, kind, item.Json, reason);
        }
        return kind switch
        {
            ResourceKind.FlinkDeployment => ObservationMapper.MapFlinkDeployment(environment, item.Json, deleted, _specs),
            ResourceKind.JobManagerDeployment => ObservationMapper.MapJobManagerDeployment(environment, item.Json, deleted),
            ResourceKind.JobManagerPod => ObservationMapper.MapJobManagerPod(environment, item.Json, deleted),
            _ => null,
        };
    }

    private static string? NamespaceOf(System.Text.Json.Nodes.JsonObject item) =>
        item["metadata"] is System.Text.Json.Nodes.JsonObject metadata
        && metadata["namespace"] is System.Text.Json.Nodes.JsonValue value
        && value.TryGetValue<string>(out var @namespace)
            ? @namespace
            : null;

    private void CountStored()
    {
        StoredApplications = _states.Count;
        StoredInstances = _states.Values.Sum(s => s.Instances.Count);
    }

    /// <summary>Environment defaults may hold secrets too; the database only ever sees them sealed.</summary>
    private static IEnumerable<EnvironmentInfo> Sealed(IEnumerable<EnvironmentInfo> environments) =>
        environments.Select(e => e.FlinkApplicationDefaults is null
            ? e
            : e with { FlinkApplicationDefaults = (System.Text.Json.Nodes.JsonObject?)SecretMasker.Seal(e.FlinkApplicationDefaults) });

    private async Task CommitAsync(
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
                await _store.UpsertEnvironmentsAsync(Sealed(newEnvironments), cancellationToken);
            }
            var started = Stopwatch.GetTimestamp();
            CommitResult committed;
            using (var span = CmfActivities.Source.StartActivity("cmf.ingest.commit"))
            {
                span?.SetTag("cmf.batch.size", batch.Count);
                span?.SetTag("cmf.batch.applications", batch.Select(r => r.State.Key).Distinct().Count());
                committed = await _store.CommitAsync(batch, positions, cancellationToken);
            }
            CommittedBatches++;
            CountStored();
            _metrics?.BatchCommitted(batch.Count, Stopwatch.GetElapsedTime(started), batch.Sum(r => r.PrunedInstanceUids.Count));
            // A store that announces its commits (PostgreSQL's NOTIFY) reaches every replica's feed, this one's included.
            if (!_store.AnnouncesCommits)
            {
                _feed.Publish(ChangeSet.Of(committed));
            }
        }
        catch (WriterDeposedException)
        {
            // Another replica leads and writes now: this pipeline must stop, not reload and relist.
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The observations of this batch are lost: forget what we believed and relist from the cluster.
            _logger.LogError(e, "Committing {Count} tracker results failed; reloading their applications and relisting.", batch.Count);
            _metrics?.CommitFailed();
            var touched = batch.Select(r => r.State.Key).ToHashSet();
            foreach (var key in touched)
            {
                _states.Remove(key);
            }
            foreach (var environment in newEnvironments)
            {
                _storedEnvironments.Remove(environment.Name);
            }
            try
            {
                foreach (var state in await _store.LoadStatesAsync(touched, cancellationToken))
                {
                    _states[state.Key] = state;
                }
            }
            catch (Exception reload) when (reload is not OperationCanceledException)
            {
                _logger.LogError(reload, "Reloading {Count} applications failed; they start afresh from the relist.", touched.Count);
            }
            CountStored();
            _relist.Request();
            await Task.Delay(_settings.FailurePause, _time, cancellationToken);
        }
    }
}

/// <summary>Sizes and limits of the ingest pipeline.</summary>
public sealed record IngestSettings(TrackerSettings Tracker, int MaxBatchSize = 500, int InputCapacity = 1_000)
{
    /// <summary>
    /// Signals are held this long and then applied in resourceVersion order, so a FlinkDeployment change and the
    /// Deployment changes it caused, arriving on separate watches, are applied in the order they happened.
    /// </summary>
    public TimeSpan ReorderWindow { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Map the objects of a long list (parse, read, canonicalise and hash each spec) on several threads. The result is
    /// the same either way; off, everything runs on the pipeline's one thread.
    /// </summary>
    public bool ParallelMapping { get; init; } = true;

    /// <summary>After a failed commit, wait this long before going on, so a broken disk does not spin.</summary>
    public TimeSpan FailurePause { get; init; } = TimeSpan.FromSeconds(1);
}
