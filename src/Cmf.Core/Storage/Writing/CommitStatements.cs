using System.Data.Common;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The statements of one write transaction, in standard SQL (upsert with ON CONFLICT, RETURNING)
/// that SQLite and PostgreSQL both accept. Every statement finds its rows through an index.
/// </summary>
internal sealed class CommitStatements : IAsyncDisposable
{
    private static readonly string[] ApplicationColumns =
    [
        "Environment", "Name", "Namespace", "ObjectUid", "ResourceVersion", "Generation", "ObjectDeleted",
        "LastSequence", "JobState", "JobId", "JobName", "LifecycleState", "JobManagerDeploymentStatus",
        "ReconciliationState", "Error", "ObservedGeneration", "UpgradeSavepointPath", "FlinkVersion", "UpgradeMode",
        "LastChangeAt", "CurrentInstanceUid", "InstanceCount", "PendingUpgrade", "LastCommit",
        "ErrorEpisodeJson", "LastRejection", "PendingClustersJson",
    ];

    private static readonly string[] InstanceColumns =
    [
        "Uid", "ApplicationId", "Sequence", "ObjectUid", "Generation", "SpecHash", "CreatedAt", "SupersededAt",
        "EndedAt", "JobState", "JobId", "LifecycleState", "Error", "Stop", "StopSavepointPath", "ReconciledAt",
        "StatusUpdatedAt", "FlinkVersion", "UpgradeMode", "ChangedBy", "ChangedAt", "ChangeOrigin", "DiffType",
    ];

    private static readonly string[] ClusterColumns =
    [
        "Uid", "ApplicationId", "Name", "OwnerInstanceUid", "OwnerSource", "StartedAt", "EndedAt",
        "EndIsApproximate", "ResourceVersion", "Generation", "DeploymentType", "SegmentsJson", "StableInstanceUid",
        "Departing",
    ];

    private static readonly string[] EventColumns =
    [
        "ApplicationId", "Timestamp", "Kind", "CmfType", "Message", "InstanceUid", "ClusterUid", "NewStatus", "Key",
        "Count", "LastSeenAt", "Reason", "EventType", "Source",
    ];

    private static readonly string[] SnapshotColumns =
    [
        "Uid", "ApplicationId", "Name", "ResourceVersion", "InstanceUid", "CreatedAt", "SeenAt", "SnapshotType",
        "TriggerType", "State", "Path", "Error", "Failures", "TriggeredAt", "ResultAt",
    ];

    private readonly Statement _upsertApplication;
    private readonly Statement _upsertInstance;
    private readonly Statement _insertSpec;
    private readonly Statement _upsertCluster;
    private readonly Statement _deleteCluster;
    private readonly Statement _insertTombstone;
    private readonly Statement _deleteSpec;
    private readonly Statement _deleteInstance;
    private readonly Statement _insertEvent;
    private readonly Statement _updateKeyedEvent;
    private readonly Statement _refreshInstanceColumns;
    private readonly Statement _trimEvents;
    private readonly Statement _upsertWatchPosition;
    private readonly Statement _previousSpec;
    private readonly Statement _recordChange;
    private readonly Statement _upsertSnapshot;
    private readonly Statement _updateOperatorEvent;
    private readonly Statement _deleteSnapshot;

    // The count and the list columns are refreshed from the rows after the batch (RefreshListColumnsAsync).
    private static readonly string UpsertApplicationSql =
        Upsert("Applications", ApplicationColumns, ["Environment", "Name"], ["Environment", "Name", "InstanceCount"], guard: null)
            + " RETURNING \"Id\"";

    // A UID that already belongs to another application is left to that application.
    private static readonly string UpsertInstanceSql =
        Upsert("Instances", InstanceColumns, ["Uid"], ["Uid", "ApplicationId", "Sequence"], guard: "\"Instances\".\"ApplicationId\" = excluded.\"ApplicationId\"");

    private static readonly string InsertSpecSql =
        """
        INSERT INTO "InstanceSpecs" ("InstanceId", "EffectiveSpecJson")
        SELECT "Id", @EffectiveSpecJson FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId
        ON CONFLICT ("InstanceId") DO NOTHING
        """;

    private static readonly string UpsertClusterSql =
        Upsert("Clusters", ClusterColumns, ["Uid"], ["Uid", "ApplicationId"], guard: "\"Clusters\".\"ApplicationId\" = excluded.\"ApplicationId\"");

    private static readonly string DeleteClusterSql =
        """DELETE FROM "Clusters" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    private static readonly string InsertTombstoneSql =
        """
        INSERT INTO "PrunedInstances" ("Uid", "Environment", "ApplicationName", "Sequence", "PrunedAt")
        SELECT "Uid", @Environment, @ApplicationName, "Sequence", @PrunedAt FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId
        ON CONFLICT ("Uid") DO NOTHING
        """;

    private static readonly string DeleteSpecSql =
        """DELETE FROM "InstanceSpecs" WHERE "InstanceId" = (SELECT "Id" FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId)""";

    private static readonly string DeleteInstanceSql =
        """DELETE FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    private static readonly string InsertEventSql =
        $"INSERT INTO \"Events\" ({Columns(EventColumns)}) VALUES ({Parameters(EventColumns)})";

    // An error episode's event keeps its place (and first-seen time) and takes the new count and last time.
    private static readonly string UpdateKeyedEventSql =
        """
        UPDATE "Events" SET "Message" = @Message, "InstanceUid" = @InstanceUid, "Count" = @Count, "LastSeenAt" = @LastSeenAt
        WHERE "ApplicationId" = @ApplicationId AND "Key" = @Key
        """;

    // An operator Event's row keeps the instance it was filed under when first recorded: a relist after a restart
    // cannot place it better.
    private static readonly string UpdateOperatorEventSql =
        """
        UPDATE "Events" SET "Message" = @Message, "Count" = @Count, "LastSeenAt" = @LastSeenAt
        WHERE "ApplicationId" = @ApplicationId AND "Key" = @Key
        """;

    private static readonly string RefreshInstanceColumnsSql =
        """
        UPDATE "Applications" SET
            "InstanceCount" = (SELECT COUNT(*) FROM "Instances" WHERE "ApplicationId" = @Id),
            "LatestInstanceSequence" = (SELECT MAX("Sequence") FROM "Instances" WHERE "ApplicationId" = @Id),
            "LatestInstanceUid" = (SELECT "Uid" FROM "Instances" WHERE "ApplicationId" = @Id ORDER BY "Sequence" DESC LIMIT 1),
            "CurrentInstanceSequence" = (SELECT "Sequence" FROM "Instances" WHERE "ApplicationId" = @Id AND "Uid" = "Applications"."CurrentInstanceUid")
        WHERE "Id" = @Id
        """;

    private static readonly string TrimEventsSql =
        """
        DELETE FROM "Events" WHERE "ApplicationId" = @ApplicationId AND "Id" <= (
            SELECT "Id" FROM "Events" WHERE "ApplicationId" = @ApplicationId ORDER BY "Id" DESC LIMIT 1 OFFSET @Keep)
        """;

    // A snapshot keeps the instance it was first filed under.
    private static readonly string UpsertSnapshotSql =
        Upsert("Snapshots", SnapshotColumns, ["Uid"], ["Uid", "ApplicationId", "InstanceUid", "SeenAt"], guard: "\"Snapshots\".\"ApplicationId\" = excluded.\"ApplicationId\"");

    private static readonly string DeleteSnapshotSql =
        """DELETE FROM "Snapshots" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    private static readonly string UpsertWatchPositionSql =
        """
        INSERT INTO "WatchPositions" ("Name", "ResourceVersion") VALUES (@Name, @ResourceVersion)
        ON CONFLICT ("Name") DO UPDATE SET "ResourceVersion" = excluded."ResourceVersion"
        """;

    // The spec of the kept instance just before a new one (its predecessor: never pruned while it is the latest).
    private static readonly string PreviousSpecSql =
        """
        SELECT s."EffectiveSpecJson" FROM "Instances" AS i JOIN "InstanceSpecs" AS s ON s."InstanceId" = i."Id"
        WHERE i."ApplicationId" = @ApplicationId AND i."Sequence" < @Sequence
        ORDER BY i."Sequence" DESC LIMIT 1
        """;

    private static readonly string RecordChangeSql =
        """
        UPDATE "Instances" SET "ChangeSummary" = @ChangeSummary, "ChangeKinds" = @ChangeKinds, "ChangedConfigurationKeys" = @ChangedConfigurationKeys
        WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId
        """;

    /// <summary>Every statement's text, for the plan checks.</summary>
    internal static IReadOnlyList<string> AllSql =>
    [
        UpsertApplicationSql, UpsertInstanceSql, InsertSpecSql, UpsertClusterSql, DeleteClusterSql, InsertTombstoneSql,
        DeleteSpecSql, DeleteInstanceSql, InsertEventSql, UpdateKeyedEventSql, RefreshInstanceColumnsSql, TrimEventsSql,
        UpsertWatchPositionSql, PreviousSpecSql, RecordChangeSql, UpdateOperatorEventSql, UpsertSnapshotSql, DeleteSnapshotSql,
    ];

    public CommitStatements(DbConnection connection, DbTransaction transaction)
    {
        Statement Prepare(string sql, params string[] parameters) => new(connection, transaction, sql, parameters);

        _upsertApplication = Prepare(UpsertApplicationSql, ApplicationColumns);
        _upsertInstance = Prepare(UpsertInstanceSql, InstanceColumns);
        _insertSpec = Prepare(InsertSpecSql, "EffectiveSpecJson", "Uid", "ApplicationId");
        _upsertCluster = Prepare(UpsertClusterSql, ClusterColumns);
        _deleteCluster = Prepare(DeleteClusterSql, "Uid", "ApplicationId");
        _insertTombstone = Prepare(InsertTombstoneSql, "Environment", "ApplicationName", "PrunedAt", "Uid", "ApplicationId");
        _deleteSpec = Prepare(DeleteSpecSql, "Uid", "ApplicationId");
        _deleteInstance = Prepare(DeleteInstanceSql, "Uid", "ApplicationId");
        _insertEvent = Prepare(InsertEventSql, EventColumns);
        _updateKeyedEvent = Prepare(UpdateKeyedEventSql, "Message", "InstanceUid", "Count", "LastSeenAt", "ApplicationId", "Key");
        _refreshInstanceColumns = Prepare(RefreshInstanceColumnsSql, "Id");
        _trimEvents = Prepare(TrimEventsSql, "ApplicationId", "Keep");
        _upsertWatchPosition = Prepare(UpsertWatchPositionSql, "Name", "ResourceVersion");
        _previousSpec = Prepare(PreviousSpecSql, "ApplicationId", "Sequence");
        _recordChange = Prepare(RecordChangeSql, "ChangeSummary", "ChangeKinds", "ChangedConfigurationKeys", "Uid", "ApplicationId");
        _upsertSnapshot = Prepare(UpsertSnapshotSql, SnapshotColumns);
        _updateOperatorEvent = Prepare(UpdateOperatorEventSql, "Message", "Count", "LastSeenAt", "ApplicationId", "Key");
        _deleteSnapshot = Prepare(DeleteSnapshotSql, "Uid", "ApplicationId");
    }

    public async Task<long> UpsertApplicationAsync(ApplicationState state, long commit, CancellationToken cancellationToken)
    {
        var status = state.Status;
        var id = await _upsertApplication.With(
            state.Key.Environment, state.Key.Name, state.Namespace, state.ObjectUid, state.ResourceVersion, state.Generation,
            state.ObjectDeleted, state.LastSequence, status.JobState, status.JobId, status.JobName, status.LifecycleState,
            status.JobManagerDeploymentStatus, status.ReconciliationState, status.Error, status.ObservedGeneration,
            status.UpgradeSavepointPath, status.FlinkVersion, status.UpgradeMode, status.LastChangeAt,
            state.CurrentInstanceUid, 0, state.PendingInstance is not null, commit,
            TrackerMemoryJson.WriteErrorEpisode(state.ErrorEpisode), state.LastRejection,
            TrackerMemoryJson.WriteHeldClusters(state.HeldClusters)).ScalarAsync(cancellationToken);
        return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the instance; returns false when its UID already belongs to another application (nothing is written).</summary>
    public async Task<bool> UpsertInstanceAsync(long applicationId, InstanceState instance, CancellationToken cancellationToken) => 0 < await
        _upsertInstance.With(
            instance.Uid, applicationId, instance.Sequence, instance.ObjectUid, instance.Generation, instance.SpecHash,
            instance.CreatedAt, instance.SupersededAt, instance.EndedAt, instance.JobState, instance.JobId,
            instance.LifecycleState, instance.Error, instance.Stop, instance.StopSavepointPath, instance.ReconciledAt,
            instance.StatusUpdatedAt, instance.FlinkVersion, instance.UpgradeMode, instance.ChangedBy, instance.ChangedAt,
            instance.ChangeOrigin, instance.DiffType).ExecuteAsync(cancellationToken);

    public Task UpsertSnapshotAsync(long applicationId, SnapshotState snapshot, CancellationToken cancellationToken)
    {
        var r = snapshot.Resource;
        return _upsertSnapshot.With(
            r.Uid, applicationId, r.Name, r.ResourceVersion, snapshot.InstanceUid, r.CreatedAt, snapshot.SeenAt, r.SnapshotType,
            r.TriggerType, r.State, r.Path, r.Error, r.Failures, r.TriggeredAt, r.ResultAt).ExecuteAsync(cancellationToken);
    }

    public Task DeleteSnapshotAsync(long applicationId, string snapshotUid, CancellationToken cancellationToken) =>
        _deleteSnapshot.With(snapshotUid, applicationId).ExecuteAsync(cancellationToken);

    public Task UpsertWatchPositionAsync(string name, string resourceVersion, CancellationToken cancellationToken) =>
        _upsertWatchPosition.With(name, resourceVersion).ExecuteAsync(cancellationToken);

    public Task InsertSpecAsync(long applicationId, InstanceSpec spec, CancellationToken cancellationToken) =>
        _insertSpec.With(spec.EffectiveSpecJson, spec.InstanceUid, applicationId).ExecuteAsync(cancellationToken);

    public Task UpsertClusterAsync(long applicationId, ClusterState cluster, CancellationToken cancellationToken) =>
        _upsertCluster.With(
            cluster.Uid, applicationId, cluster.Name, cluster.OwnerInstanceUid, cluster.OwnerSource, cluster.StartedAt,
            cluster.EndedAt, cluster.EndIsApproximate, cluster.ResourceVersion, cluster.Generation,
            cluster.DeploymentType, TrackerMemoryJson.WriteSegments(cluster), cluster.StableInstanceUid,
            cluster.Departing).ExecuteAsync(cancellationToken);

    public Task DeleteClusterAsync(long applicationId, string clusterUid, CancellationToken cancellationToken) =>
        _deleteCluster.With(clusterUid, applicationId).ExecuteAsync(cancellationToken);

    /// <summary>Replaces the instance by its tombstone; false when the instance was not stored.</summary>
    public async Task<bool> PruneInstanceAsync(long applicationId, ApplicationKey key, string instanceUid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _insertTombstone.With(key.Environment, key.Name, now, instanceUid, applicationId).ExecuteAsync(cancellationToken);
        await _deleteSpec.With(instanceUid, applicationId).ExecuteAsync(cancellationToken);
        return await _deleteInstance.With(instanceUid, applicationId).ExecuteAsync(cancellationToken) > 0;
    }

    /// <summary>Adds the event, or updates the stored event with the same key; true when a row was added.</summary>
    public async Task<bool> WriteEventAsync(long applicationId, AppEvent appEvent, CancellationToken cancellationToken)
    {
        if (appEvent.Key is { } key && appEvent.Kind == AppEventKind.OperatorEvent)
        {
            if (await _updateOperatorEvent.With(appEvent.Message, appEvent.Count, appEvent.LastSeenAt, applicationId, key).ExecuteAsync(cancellationToken) > 0)
            {
                return false;
            }
        }
        else if (appEvent.Key is { } episodeKey && await _updateKeyedEvent.With(
            appEvent.Message, appEvent.InstanceUid, appEvent.Count, appEvent.LastSeenAt, applicationId, episodeKey).ExecuteAsync(cancellationToken) > 0)
        {
            return false;
        }
        await _insertEvent.With(
            applicationId, appEvent.Timestamp, appEvent.Kind, appEvent.CmfType, appEvent.Message, appEvent.InstanceUid,
            appEvent.ClusterUid, appEvent.NewStatus, appEvent.Key, appEvent.Count, appEvent.LastSeenAt, appEvent.Reason,
            appEvent.EventType, appEvent.Source).ExecuteAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Compares a new instance's spec with its predecessor's (stored earlier, or earlier in this transaction) and writes
    /// what changed on its row. Call after its spec is inserted, oldest new instance first.
    /// </summary>
    public async Task RecordChangeAsync(long applicationId, InstanceState instance, string effectiveSpecJson, CancellationToken cancellationToken)
    {
        var previous = await _previousSpec.With(applicationId, instance.Sequence).ScalarAsync(cancellationToken) as string;
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
        Statement[] all =
        [
            _upsertApplication, _upsertInstance, _insertSpec, _upsertCluster, _deleteCluster, _insertTombstone,
            _deleteSpec, _deleteInstance, _insertEvent, _updateKeyedEvent, _refreshInstanceColumns, _trimEvents,
            _upsertWatchPosition, _previousSpec, _recordChange, _upsertSnapshot, _deleteSnapshot, _updateOperatorEvent,
        ];
        foreach (var statement in all)
        {
            await statement.DisposeAsync();
        }
    }

    private static string Upsert(string table, string[] columns, string[] conflict, string[] keep, string? guard)
    {
        var updates = string.Join(", ", columns.Except(keep).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        var where = guard is null ? "" : $" WHERE {guard}";
        return $"INSERT INTO \"{table}\" ({Columns(columns)}) VALUES ({Parameters(columns)}) "
            + $"ON CONFLICT ({Columns(conflict)}) DO UPDATE SET {updates}{where}";
    }

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string Parameters(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + c));
}
