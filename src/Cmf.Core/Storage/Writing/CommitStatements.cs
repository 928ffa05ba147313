using System.Data.Common;
using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The statements of one write transaction, in standard SQL (upsert with ON CONFLICT, RETURNING) that SQLite and
/// PostgreSQL both accept. Every statement finds its rows through an index. Rows of one table go in multi-row
/// statements (<see cref="RowsInsert"/>) whose columns come from the EF model (<see cref="TableShape"/>); the caller
/// never gives one statement the same key twice (<see cref="CommitSegments"/>), which PostgreSQL's upsert refuses.
/// </summary>
internal sealed class CommitStatements : IAsyncDisposable
{
    private readonly RowsInsert _upsertApplications;
    private readonly RowsInsert _upsertInstances;
    private readonly RowsInsert _insertSpecs;
    private readonly RowsInsert _upsertClusters;
    private readonly RowsInsert _upsertSnapshots;
    private readonly RowsInsert _insertEvents;
    private readonly RowsInsert _upsertWatchPositions;
    private readonly Statement _insertSpec;
    private readonly Statement _deleteCluster;
    private readonly Statement _insertTombstone;
    private readonly Statement _deleteSpec;
    private readonly Statement _deleteInstance;
    private readonly Statement _updateKeyedEvent;
    private readonly Statement _refreshInstanceColumns;
    private readonly Statement _trimEvents;
    private readonly Statement _previousSpec;
    private readonly Statement _recordChange;
    private readonly Statement _updateOperatorEvent;
    private readonly Statement _deleteSnapshot;

    public CommitStatements(CmfDbContext db, StoreProvider provider, DbConnection connection, DbTransaction transaction, int maxRowsPerStatement)
    {
        var sql = CommitSql.Of(db);
        WriterCommand Command(string text, WriterParameters parameters) => provider.CreateWriterCommand(connection, transaction, text, parameters);
        RowsInsert Rows(TableShape shape, string tail) => new(Command, shape, tail, provider.ParametersPerStatement, maxRowsPerStatement);
        Statement Prepare(string text, params string[] parameters) => new(Command(text, WriterParameters.Named(parameters)), parameters.Length);

        _upsertApplications = Rows(sql.Applications, sql.UpsertApplicationTail);
        _upsertInstances = Rows(sql.Instances, sql.UpsertInstanceTail);
        _insertSpecs = Rows(sql.InstanceSpecs, sql.InsertSpecTail);
        _upsertClusters = Rows(sql.Clusters, sql.UpsertClusterTail);
        _upsertSnapshots = Rows(sql.Snapshots, sql.UpsertSnapshotTail);
        _insertEvents = Rows(sql.Events, "");
        _upsertWatchPositions = Rows(sql.WatchPositions, sql.UpsertWatchPositionTail);

        _insertSpec = Prepare(CommitSql.InsertSpecOfStoredInstanceSql, "EffectiveSpecJson", "Uid", "ApplicationId");
        _deleteCluster = Prepare(CommitSql.DeleteClusterSql, "Uid", "ApplicationId");
        _insertTombstone = Prepare(sql.InsertTombstoneSql, "Environment", "ApplicationName", "PrunedAt", "Uid", "ApplicationId");
        _deleteSpec = Prepare(CommitSql.DeleteSpecSql, "Uid", "ApplicationId");
        _deleteInstance = Prepare(CommitSql.DeleteInstanceSql, "Uid", "ApplicationId");
        _updateKeyedEvent = Prepare(CommitSql.UpdateKeyedEventSql, "Message", "InstanceUid", "Count", "LastSeenAt", "ApplicationId", "Key");
        _refreshInstanceColumns = Prepare(CommitSql.RefreshInstanceColumnsSql, "Id");
        _trimEvents = Prepare(CommitSql.TrimEventsSql, "ApplicationId", "Keep");
        _previousSpec = Prepare(CommitSql.PreviousSpecSql, "ApplicationId", "Sequence");
        _recordChange = Prepare(CommitSql.RecordChangeSql, "ChangeSummary", "ChangeKinds", "ChangedConfigurationKeys", "Uid", "ApplicationId");
        _updateOperatorEvent = Prepare(CommitSql.UpdateOperatorEventSql, "Message", "Count", "LastSeenAt", "ApplicationId", "Key");
        _deleteSnapshot = Prepare(CommitSql.DeleteSnapshotSql, "Uid", "ApplicationId");
    }

    /// <summary>Upserts the application rows (one per application) and returns each one's id.</summary>
    public async Task<Dictionary<ApplicationKey, long>> UpsertApplicationsAsync(
        IReadOnlyList<ApplicationState> states, long commit, CancellationToken cancellationToken)
    {
        var rows = states.Select(s => (object)StoredRows.Application(s, commit)).ToList();
        var ids = new Dictionary<ApplicationKey, long>(states.Count);
        foreach (var returned in await _upsertApplications.ReturningAsync(rows, cancellationToken))
        {
            ids[new ApplicationKey((string)returned[1], (string)returned[2])] = ToLong(returned[0]);
        }
        return ids;
    }

    /// <summary>
    /// Upserts the instance rows (one per UID); returns the id of each one written. A UID that already belongs to
    /// another application is left to it and missing from the answer.
    /// </summary>
    public async Task<Dictionary<string, long>> UpsertInstancesAsync(IReadOnlyList<StoredInstance> rows, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(rows.Count, StringComparer.Ordinal);
        foreach (var returned in await _upsertInstances.ReturningAsync(rows, cancellationToken))
        {
            ids[(string)returned[1]] = ToLong(returned[0]);
        }
        return ids;
    }

    /// <summary>Adds the spec texts of instances whose ids are known; a spec already stored is kept.</summary>
    public Task InsertSpecsAsync(IReadOnlyList<StoredInstanceSpec> rows, CancellationToken cancellationToken) =>
        _insertSpecs.ExecuteAsync(rows, cancellationToken);

    /// <summary>Adds the spec text of an instance stored earlier under the application (a spec already stored is kept).</summary>
    public Task InsertSpecOfStoredInstanceAsync(long applicationId, InstanceSpec spec, CancellationToken cancellationToken) =>
        _insertSpec.With(spec.EffectiveSpecJson, spec.InstanceUid, applicationId).ExecuteAsync(cancellationToken);

    /// <summary>Upserts the cluster rows (one per UID); a UID that belongs to another application is left to it.</summary>
    public Task UpsertClustersAsync(IReadOnlyList<StoredCluster> rows, CancellationToken cancellationToken) =>
        _upsertClusters.ExecuteAsync(rows, cancellationToken);

    /// <summary>Upserts the snapshot rows (one per UID); a snapshot keeps the instance it was first filed under.</summary>
    public Task UpsertSnapshotsAsync(IReadOnlyList<StoredSnapshot> rows, CancellationToken cancellationToken) =>
        _upsertSnapshots.ExecuteAsync(rows, cancellationToken);

    /// <summary>Appends the events, in their order (their ids follow it).</summary>
    public Task InsertEventsAsync(IReadOnlyList<StoredEvent> rows, CancellationToken cancellationToken) =>
        _insertEvents.ExecuteAsync(rows, cancellationToken);

    public Task UpsertWatchPositionsAsync(IReadOnlyDictionary<string, string> positions, CancellationToken cancellationToken) =>
        _upsertWatchPositions.ExecuteAsync([.. positions.Select(p => StoredRows.WatchPosition(p.Key, p.Value))], cancellationToken);

    public Task DeleteSnapshotAsync(long applicationId, string snapshotUid, CancellationToken cancellationToken) =>
        _deleteSnapshot.With(snapshotUid, applicationId).ExecuteAsync(cancellationToken);

    public Task DeleteClusterAsync(long applicationId, string clusterUid, CancellationToken cancellationToken) =>
        _deleteCluster.With(clusterUid, applicationId).ExecuteAsync(cancellationToken);

    /// <summary>Replaces the instance by its tombstone; false when the instance was not stored.</summary>
    public async Task<bool> PruneInstanceAsync(long applicationId, ApplicationKey key, string instanceUid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _insertTombstone.With(key.Environment, key.Name, now, instanceUid, applicationId).ExecuteAsync(cancellationToken);
        await _deleteSpec.With(instanceUid, applicationId).ExecuteAsync(cancellationToken);
        return await _deleteInstance.With(instanceUid, applicationId).ExecuteAsync(cancellationToken) > 0;
    }

    /// <summary>Updates the stored event with the same key (an error episode, an operator Event); false when there is none.</summary>
    public async Task<bool> UpdateKeyedEventAsync(long applicationId, AppEvent appEvent, CancellationToken cancellationToken)
    {
        if (appEvent.Key is not { } key)
        {
            return false;
        }
        var update = appEvent.Kind == AppEventKind.OperatorEvent
            ? _updateOperatorEvent.With(appEvent.Message, appEvent.Count, appEvent.LastSeenAt, applicationId, key)
            : _updateKeyedEvent.With(appEvent.Message, appEvent.InstanceUid, appEvent.Count, appEvent.LastSeenAt, applicationId, key);
        return await update.ExecuteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Compares a new instance's spec with its predecessor's (stored earlier, or earlier in this transaction) and writes
    /// what changed on its row. Call after its spec is inserted, oldest new instance first.
    /// </summary>
    public async Task RecordChangeAsync(long applicationId, InstanceState instance, string effectiveSpecJson, CancellationToken cancellationToken)
    {
        // Sequences start at 1: the first instance has no predecessor to read.
        var previous = instance.Sequence <= 1 ? null : await _previousSpec.With(applicationId, instance.Sequence).ScalarAsync(cancellationToken) as string;
        var change = ChangeColumns.Of(instance.Sequence, previous, effectiveSpecJson);
        await _recordChange.With(change.Summary, (int)change.Kinds, ChangeColumns.KeysText(change.ConfigurationKeys), instance.Uid, applicationId)
            .ExecuteAsync(cancellationToken);
    }

    /// <summary>Recomputes the application's list columns from its instance rows.</summary>
    public Task RefreshListColumnsAsync(long applicationId, CancellationToken cancellationToken) =>
        _refreshInstanceColumns.With(applicationId).ExecuteAsync(cancellationToken);

    public Task TrimEventsAsync(long applicationId, int keep, CancellationToken cancellationToken) =>
        _trimEvents.With(applicationId, keep).ExecuteAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] all =
        [
            _upsertApplications, _upsertInstances, _insertSpecs, _upsertClusters, _upsertSnapshots, _insertEvents,
            _upsertWatchPositions, _insertSpec, _deleteCluster, _insertTombstone, _deleteSpec, _deleteInstance,
            _updateKeyedEvent, _refreshInstanceColumns, _trimEvents, _previousSpec, _recordChange, _updateOperatorEvent,
            _deleteSnapshot,
        ];
        foreach (var statement in all)
        {
            await statement.DisposeAsync();
        }
    }

    private static long ToLong(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
