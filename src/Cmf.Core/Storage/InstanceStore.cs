using System.Runtime.CompilerServices;
using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Writing;
using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cmf.Core.Storage;

/// <summary>
/// The one writer: commits batches of tracker results, one transaction per batch, one batch at a
/// time; and loads the tracker's state back after a restart.
/// </summary>
public sealed partial class InstanceStore : IDisposable
{
    private const int LoadChunkSize = 500;

    private readonly StoreProvider _provider;
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _lastCommit = -1;
    private WriterFence? _fence;

    public InstanceStore(StoreProvider provider, StoreOptions options, TimeProvider? time = null, ILogger<InstanceStore>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEventsPerApplication, 1);
        _provider = provider;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<InstanceStore>.Instance;
    }

    /// <summary>
    /// True when a commit reaches every replica's change feed by itself (see <see cref="StoreProvider.AnnouncesCommits"/>);
    /// otherwise the caller publishes each <see cref="CommitResult"/> to its own feed.
    /// </summary>
    public bool AnnouncesCommits => _provider.AnnouncesCommits;

    /// <summary>The sequence of the last commit that changed something (0 for an empty database).</summary>
    public long LastCommitSequence => Interlocked.Read(ref _lastCommit);

    /// <summary>
    /// Applies the migrations and the data passes a store written by an earlier release needs, and reads where the
    /// commit sequence stands; call once at start.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _provider.PrepareAsync(cancellationToken);
            await RefreshSecretFingerprintsOnceAsync(cancellationToken);
            await RecordChangesOnceAsync(cancellationToken);
            await RecordOutcomesOnceAsync(cancellationToken);
            await using var db = _provider.CreateContext();
            var last = await db.Applications.MaxAsync(a => (long?)a.LastCommit, cancellationToken) ?? 0;
            Interlocked.Exchange(ref _lastCommit, last);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Rows written before secrets were found by value may hold plain secrets: fingerprint and scrub them, once.</summary>
    private async Task RefreshSecretFingerprintsOnceAsync(CancellationToken cancellationToken)
    {
        await using (var db = _provider.CreateContext())
        {
            if (await _provider.ReadDataVersionAsync(db, cancellationToken) >= SecretFingerprintRefresh.DataVersion)
            {
                return;
            }
        }
        var counts = await SecretFingerprintRefresh.RunAsync(_provider, cancellationToken);
        // Also when this run changed nothing: an earlier one may have been stopped after its commits, before this. A new,
        // empty store has nothing to erase.
        if (counts.Rows > 0)
        {
            await _provider.EraseOverwrittenDataAsync(cancellationToken);
        }
        if (counts.Specs + counts.Texts > 0)
        {
            LogFingerprintsRefreshed(counts.Specs, counts.Texts);
        }
        await using (var db = _provider.CreateContext())
        {
            await _provider.WriteDataVersionAsync(db, SecretFingerprintRefresh.DataVersion, cancellationToken);
        }
    }

    /// <summary>Instances stored before changes were recorded get theirs, once.</summary>
    private async Task RecordChangesOnceAsync(CancellationToken cancellationToken)
    {
        await using (var db = _provider.CreateContext())
        {
            if (await _provider.ReadDataVersionAsync(db, cancellationToken) >= ChangeBackfill.DataVersion)
            {
                return;
            }
        }
        var recorded = await ChangeBackfill.RunAsync(_provider, cancellationToken);
        if (recorded > 0)
        {
            LogChangesRecorded(recorded);
        }
        await using (var db = _provider.CreateContext())
        {
            await _provider.WriteDataVersionAsync(db, ChangeBackfill.DataVersion, cancellationToken);
        }
    }

    /// <summary>Instances stored before outcomes were stored get theirs, once.</summary>
    private async Task RecordOutcomesOnceAsync(CancellationToken cancellationToken)
    {
        await using (var db = _provider.CreateContext())
        {
            if (await _provider.ReadDataVersionAsync(db, cancellationToken) >= OutcomeBackfill.DataVersion)
            {
                return;
            }
        }
        var written = await OutcomeBackfill.RunAsync(_provider, cancellationToken);
        if (written > 0)
        {
            LogOutcomesRecorded(written);
        }
        await using (var db = _provider.CreateContext())
        {
            await _provider.WriteDataVersionAsync(db, OutcomeBackfill.DataVersion, cancellationToken);
        }
    }

    /// <summary>
    /// Makes this store the only one allowed to write (call when this replica becomes leader): increments the writer
    /// epoch, records <paramref name="holder"/> and the time, and from now on every write of this store first checks,
    /// inside its transaction, that nobody has claimed a later epoch, else throws <see cref="WriterDeposedException"/>
    /// and writes nothing. A store that never claims writes unfenced (a single replica).
    /// </summary>
    /// <returns>The epoch this store now holds.</returns>
    public async Task<long> ClaimWriterEpochAsync(string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = _provider.CreateContext();
            await using var transaction = await _provider.BeginWriteTransactionAsync(db, cancellationToken);
            var fence = await WriterFence.ClaimAsync(db.Database.GetDbConnection(), transaction, holder, _time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _fence = fence;
            LogWriterEpochClaimed(holder, fence.Epoch);
            return fence.Epoch;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<CommitResult> CommitAsync(IReadOnlyList<TrackerResult> batch, CancellationToken cancellationToken) =>
        CommitAsync(batch, watchPositions: null, cancellationToken);

    /// <summary>
    /// Commits the batch and, in the same transaction, how far each watch got, so the positions never run
    /// ahead of (or behind) the state they produced.
    /// </summary>
    public async Task<CommitResult> CommitAsync(
        IReadOnlyList<TrackerResult> batch, IReadOnlyDictionary<string, string>? watchPositions, CancellationToken cancellationToken)
    {
        watchPositions ??= new Dictionary<string, string>();
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var last = LastCommitSequence;
            if (last < 0)
            {
                throw new InvalidOperationException("InitializeAsync must complete before the first commit.");
            }
            var changes = batch.Where(r => r.HasChanges).ToList();
            if (changes.Count == 0 && watchPositions.Count == 0)
            {
                return CommitResult.Nothing(last);
            }
            var result = await WriteAsync(changes, watchPositions, changes.Count == 0 ? last : last + 1, cancellationToken);
            Interlocked.Exchange(ref _lastCommit, result.Sequence);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Adds or updates environments; environments no longer configured are kept with their history.</summary>
    public async Task UpsertEnvironmentsAsync(IEnumerable<EnvironmentInfo> environments, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = _provider.CreateContext();
            await using var transaction = await BeginFencedWriteAsync(db, cancellationToken);
            var stored = await db.Environments.ToDictionaryAsync(e => e.Name, StringComparer.Ordinal, cancellationToken);
            foreach (var environment in environments)
            {
                if (!stored.TryGetValue(environment.Name, out var row))
                {
                    row = new StoredEnvironment { Name = environment.Name, Namespace = environment.Namespace };
                    db.Environments.Add(row);
                    stored.Add(row.Name, row);
                }
                row.Namespace = environment.Namespace;
                row.DefaultsJson = environment.FlinkApplicationDefaults?.ToJsonString();
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<ApplicationState?> LoadStateAsync(ApplicationKey key, CancellationToken cancellationToken)
    {
        await using var db = _provider.CreateContext();
        await using var snapshot = await _provider.BeginReadTransactionAsync(db, cancellationToken);
        return await StateLoader.LoadAsync(db, key, cancellationToken);
    }

    /// <summary>The states of the given applications that are stored, read from one snapshot.</summary>
    public async Task<IReadOnlyList<ApplicationState>> LoadStatesAsync(IEnumerable<ApplicationKey> keys, CancellationToken cancellationToken)
    {
        await using var db = _provider.CreateContext();
        await using var snapshot = await _provider.BeginReadTransactionAsync(db, cancellationToken);
        var states = new List<ApplicationState>();
        foreach (var key in keys)
        {
            if (await StateLoader.LoadAsync(db, key, cancellationToken) is { } state)
            {
                states.Add(state);
            }
        }
        return states;
    }

    /// <summary>
    /// Every stored application's state, streamed in chunks of 500 (for the tracker at start-up, before
    /// the writer runs: each chunk is its own snapshot).
    /// </summary>
    public async IAsyncEnumerable<ApplicationState> LoadAllStatesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = 0L;
        while (true)
        {
            IReadOnlyList<(long Id, ApplicationState State)> chunk;
            await using (var db = _provider.CreateContext())
            await using (await _provider.BeginReadTransactionAsync(db, cancellationToken))
            {
                chunk = await StateLoader.LoadChunkAsync(db, afterId, LoadChunkSize, cancellationToken);
            }
            foreach (var (_, state) in chunk)
            {
                yield return state;
            }
            if (chunk.Count < LoadChunkSize)
            {
                yield break;
            }
            afterId = chunk[^1].Id;
        }
    }

    public async Task<IReadOnlyList<ApplicationKey>> ListApplicationKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = _provider.CreateContext();
        var keys = await db.Applications.AsNoTracking()
            .OrderBy(a => a.Environment).ThenBy(a => a.Name)
            .Select(a => new { a.Environment, a.Name })
            .ToListAsync(cancellationToken);
        return [.. keys.Select(k => new ApplicationKey(k.Environment, k.Name))];
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>Where each watch stopped at the last commit (watch name to resourceVersion).</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadWatchPositionsAsync(CancellationToken cancellationToken)
    {
        await using var db = _provider.CreateContext();
        return await db.WatchPositions.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.ResourceVersion, StringComparer.Ordinal, cancellationToken);
    }

    private async Task<CommitResult> WriteAsync(
        List<TrackerResult> changes, IReadOnlyDictionary<string, string> watchPositions, long commit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var touched = new Dictionary<ApplicationKey, long>();
        var listColumnsChanged = new HashSet<long>();
        var withEvents = new HashSet<long>();
        var newUids = new List<string>();
        var changedUids = new List<string>();
        var prunedUids = new List<string>();
        var eventCount = 0;

        await using var db = _provider.CreateContext();
        await using var transaction = await BeginFencedWriteAsync(db, cancellationToken);
        await using var statements = new CommitStatements(
            db, _provider, db.Database.GetDbConnection(), transaction, _options.MaxRowsPerStatement);
        foreach (var segment in CommitSegments.Of(ResultRows.Of(changes), _options.MaxRowsPerStatement))
        {
            var ids = await statements.UpsertApplicationsAsync([.. segment.Select(c => c.State)], commit, cancellationToken);
            var applicationIds = segment.ConvertAll(c => ids[c.State.Key]);
            for (var i = 0; i < segment.Count; i++)
            {
                touched[segment[i].State.Key] = applicationIds[i];
                if (ChangesListColumns(segment[i].Result))
                {
                    listColumnsChanged.Add(applicationIds[i]);
                }
            }

            var instanceIds = await statements.UpsertInstancesAsync(
                [.. segment.SelectMany((c, i) => c.ChangedInstances.Select(instance => StoredRows.Instance(applicationIds[i], instance)))],
                cancellationToken);
            var specs = new List<StoredInstanceSpec>();
            for (var i = 0; i < segment.Count; i++)
            {
                var change = segment[i].Result;
                foreach (var instance in segment[i].ChangedInstances)
                {
                    if (!instanceIds.ContainsKey(instance.Uid))
                    {
                        LogInstanceOfAnotherApplication(instance.Uid, change.State.Key);
                    }
                    else if (change.Previous.FindInstance(instance.Uid) is null)
                    {
                        newUids.Add(instance.Uid);
                    }
                    else
                    {
                        changedUids.Add(instance.Uid);
                    }
                }
                foreach (var spec in change.NewInstanceSpecs)
                {
                    if (instanceIds.TryGetValue(spec.InstanceUid, out var instanceId))
                    {
                        specs.Add(StoredRows.Spec(instanceId, spec));
                    }
                    else
                    {
                        await statements.InsertSpecOfStoredInstanceAsync(applicationIds[i], spec, cancellationToken);
                    }
                }
            }
            await statements.InsertSpecsAsync(specs, cancellationToken);
            for (var i = 0; i < segment.Count; i++)
            {
                foreach (var (spec, instance) in NewInstancesOldestFirst(segment[i].Result))
                {
                    await statements.RecordChangeAsync(applicationIds[i], instance, spec.EffectiveSpecJson, cancellationToken);
                }
            }

            await statements.UpsertClustersAsync(
                [.. segment.SelectMany((c, i) => c.ChangedClusters.Select(cluster => StoredRows.Cluster(applicationIds[i], cluster)))],
                cancellationToken);
            for (var i = 0; i < segment.Count; i++)
            {
                var (change, applicationId) = (segment[i].Result, applicationIds[i]);
                foreach (var cluster in segment[i].RemovedClusters)
                {
                    await statements.DeleteClusterAsync(applicationId, cluster.Uid, cancellationToken);
                }
                foreach (var uid in change.PrunedInstanceUids)
                {
                    if (IsProtected(change.State, uid))
                    {
                        LogPruneRefused(uid, change.State.Key);
                    }
                    else if (await statements.PruneInstanceAsync(applicationId, change.State.Key, uid, now, cancellationToken))
                    {
                        prunedUids.Add(uid);
                    }
                }
            }

            await statements.UpsertSnapshotsAsync(
                [.. segment.SelectMany((c, i) => c.ChangedSnapshots.Select(snapshot => StoredRows.Snapshot(applicationIds[i], snapshot)))],
                cancellationToken);
            for (var i = 0; i < segment.Count; i++)
            {
                foreach (var snapshot in segment[i].RemovedSnapshots)
                {
                    await statements.DeleteSnapshotAsync(applicationIds[i], snapshot.Uid, cancellationToken);
                }
            }

            eventCount += await WriteEventsAsync(statements, segment, applicationIds, withEvents, cancellationToken);
        }
        foreach (var applicationId in listColumnsChanged)
        {
            await statements.RefreshListColumnsAsync(applicationId, cancellationToken);
        }
        foreach (var applicationId in withEvents)
        {
            await statements.TrimEventsAsync(applicationId, _options.MaxEventsPerApplication, cancellationToken);
        }
        await statements.UpsertWatchPositionsAsync(watchPositions, cancellationToken);
        var result = new CommitResult(
            commit, [.. touched.Keys], [.. newUids.Distinct()], [.. changedUids.Except(newUids)], prunedUids, eventCount);
        await _provider.AnnounceAsync(db.Database.GetDbConnection(), transaction, result.Changes(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Writes the segment's events in their order: a keyed event updates its stored row when there is one, the rest are
    /// appended together (their ids follow the order). Returns how many events the results carried.
    /// </summary>
    private static async Task<int> WriteEventsAsync(
        CommitStatements statements, List<ResultRows> segment, List<long> applicationIds, HashSet<long> withEvents, CancellationToken cancellationToken)
    {
        var count = 0;
        var appended = new List<StoredEvent>();
        var appendedKeys = new HashSet<(long, string)>();
        for (var i = 0; i < segment.Count; i++)
        {
            var applicationId = applicationIds[i];
            foreach (var appEvent in segment[i].Result.Events)
            {
                count++;
                if (appEvent.Key is { } key)
                {
                    // Its row may be among those not appended yet: append them first, so the update finds it as row by row.
                    if (appendedKeys.Contains((applicationId, key)))
                    {
                        await statements.InsertEventsAsync(appended, cancellationToken);
                        appended.Clear();
                        appendedKeys.Clear();
                    }
                    if (await statements.UpdateKeyedEventAsync(applicationId, appEvent, cancellationToken))
                    {
                        continue;
                    }
                    appendedKeys.Add((applicationId, key));
                }
                appended.Add(StoredRows.Event(applicationId, appEvent));
                withEvents.Add(applicationId);
            }
        }
        await statements.InsertEventsAsync(appended, cancellationToken);
        return count;
    }

    private static IEnumerable<(InstanceSpec Spec, InstanceState Instance)> NewInstancesOldestFirst(TrackerResult change) =>
        change.NewInstanceSpecs
            .Select(spec => (Spec: spec, Instance: change.State.FindInstance(spec.InstanceUid)))
            .Where(p => p.Instance is not null)
            .Select(p => (p.Spec, p.Instance!))
            .OrderBy(p => p.Item2.Sequence);

    /// <summary>The write transaction, refused (rolled back, <see cref="WriterDeposedException"/>) once this store is deposed.</summary>
    private async Task<System.Data.Common.DbTransaction> BeginFencedWriteAsync(CmfDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await _provider.BeginWriteTransactionAsync(db, cancellationToken);
        if (_fence is { } fence)
        {
            try
            {
                await fence.CheckAsync(db.Database.GetDbConnection(), transaction, _provider.LockRowClause, cancellationToken);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }
        return transaction;
    }

    /// <summary>
    /// The list columns (instance count, latest and current sequence, pending upgrade) follow from the instance rows
    /// and the current instance only; a status-only change, the most frequent, leaves them as they are.
    /// </summary>
    private static bool ChangesListColumns(TrackerResult change) =>
        change.State.CurrentInstanceUid != change.Previous.CurrentInstanceUid
        || change.State.LastSequence != change.Previous.LastSequence
        || !change.PrunedInstanceUids.IsEmpty;

    /// <summary>Retention never removes the latest or the current deployed instance, nor one the state still holds.</summary>
    private static bool IsProtected(ApplicationState state, string uid) =>
        uid == state.LatestInstance?.Uid || uid == state.CurrentInstanceUid || state.FindInstance(uid) is not null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceUid} of {Application} was not stored: another application already has that UID")]
    private partial void LogInstanceOfAnotherApplication(string instanceUid, ApplicationKey application);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secrets sealed again by today's rules: {Specs} specs and defaults, {Texts} error and event texts changed")]
    private partial void LogFingerprintsRefreshed(int specs, int texts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded what changed for {Instances} instances stored by an earlier release")]
    private partial void LogChangesRecorded(int instances);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the outcome of {Instances} instances stored by an earlier release")]
    private partial void LogOutcomesRecorded(int instances);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Holder} claimed writer epoch {Epoch}: writes of any earlier writer are refused from now on")]
    private partial void LogWriterEpochClaimed(string holder, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to prune instance {InstanceUid} of {Application}: it is the latest, the current or still retained")]
    private partial void LogPruneRefused(string instanceUid, ApplicationKey application);
}
