using Cmf.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The text of the writer's statements. Inserts and upserts take their tables and columns from the EF model
/// (<see cref="TableShape"/>): every mapped property is written, and on conflict updated unless named here as kept.
/// The remaining statements touch a few columns by design (a delete by key, an event's count).
/// </summary>
internal sealed class CommitSql
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, CommitSql> ByContext = new();

    public CommitSql(DbContext db)
    {
        Applications = TableShape.Of<StoredApplication>(db);
        Instances = TableShape.Of<StoredInstance>(db);
        InstanceSpecs = TableShape.Of<StoredInstanceSpec>(db);
        Clusters = TableShape.Of<StoredCluster>(db);
        Snapshots = TableShape.Of<StoredSnapshot>(db);
        Events = TableShape.Of<StoredEvent>(db);
        WatchPositions = TableShape.Of<StoredWatchPosition>(db);
        PrunedInstances = TableShape.Of<PrunedInstance>(db);

        // The list columns are refreshed from the instance rows after the batch (RefreshInstanceColumnsSql).
        UpsertApplicationTail = Upsert(
            Applications,
            conflict: [nameof(StoredApplication.Environment), nameof(StoredApplication.Name)],
            kept: [nameof(StoredApplication.InstanceCount), nameof(StoredApplication.CurrentInstanceSequence),
                nameof(StoredApplication.LatestInstanceUid), nameof(StoredApplication.LatestInstanceSequence)],
            guard: null)
            + Returning(Applications, nameof(StoredApplication.Id), nameof(StoredApplication.Environment), nameof(StoredApplication.Name));

        // A UID that already belongs to another application is left to that application. What the spec changed is
        // written once the spec is stored (RecordChangeSql).
        UpsertInstanceTail = Upsert(
            Instances,
            conflict: [nameof(StoredInstance.Uid)],
            kept: [nameof(StoredInstance.ApplicationId), nameof(StoredInstance.Sequence), nameof(StoredInstance.ChangeSummary),
                nameof(StoredInstance.ChangeKinds), nameof(StoredInstance.ChangedConfigurationKeys)],
            guard: nameof(StoredInstance.ApplicationId))
            + Returning(Instances, nameof(StoredInstance.Id), nameof(StoredInstance.Uid));

        InsertSpecTail = $"ON CONFLICT ({InstanceSpecs[nameof(StoredInstanceSpec.InstanceId)].Quoted}) DO NOTHING";

        UpsertClusterTail = Upsert(
            Clusters, conflict: [nameof(StoredCluster.Uid)], kept: [nameof(StoredCluster.ApplicationId)], guard: nameof(StoredCluster.ApplicationId));

        // A snapshot keeps the instance it was first filed under.
        UpsertSnapshotTail = Upsert(
            Snapshots,
            conflict: [nameof(StoredSnapshot.Uid)],
            kept: [nameof(StoredSnapshot.ApplicationId), nameof(StoredSnapshot.InstanceUid), nameof(StoredSnapshot.SeenAt)],
            guard: nameof(StoredSnapshot.ApplicationId));

        UpsertWatchPositionTail = Upsert(WatchPositions, conflict: [nameof(StoredWatchPosition.Name)], kept: [], guard: null);

        InsertTombstoneSql = InsertTombstone(PrunedInstances);
    }

    /// <summary>The statements of <paramref name="db"/>'s model, built once per context type (as <see cref="TableShape"/>).</summary>
    public static CommitSql Of(DbContext db) => ByContext.GetOrAdd(db.GetType(), static (_, context) => new CommitSql(context), db);

    public TableShape Applications { get; }

    public TableShape Instances { get; }

    public TableShape InstanceSpecs { get; }

    public TableShape Clusters { get; }

    public TableShape Snapshots { get; }

    public TableShape Events { get; }

    public TableShape WatchPositions { get; }

    public TableShape PrunedInstances { get; }

    public string UpsertApplicationTail { get; }

    public string UpsertInstanceTail { get; }

    public string InsertSpecTail { get; }

    public string UpsertClusterTail { get; }

    public string UpsertSnapshotTail { get; }

    public string UpsertWatchPositionTail { get; }

    public string InsertTombstoneSql { get; }

    /// <summary>Every statement's text (the multi-row ones with one row and with two), for the plan checks.</summary>
    public IReadOnlyList<string> AllSql =>
    [
        .. new[] { 1, 2 }.SelectMany(rows => new[]
        {
            RowsInsert.Sql(Applications, UpsertApplicationTail, rows),
            RowsInsert.Sql(Instances, UpsertInstanceTail, rows),
            RowsInsert.Sql(InstanceSpecs, InsertSpecTail, rows),
            RowsInsert.Sql(Clusters, UpsertClusterTail, rows),
            RowsInsert.Sql(Snapshots, UpsertSnapshotTail, rows),
            RowsInsert.Sql(Events, "", rows),
            RowsInsert.Sql(WatchPositions, UpsertWatchPositionTail, rows),
        }),
        InsertSpecOfStoredInstanceSql, DeleteClusterSql, InsertTombstoneSql, DeleteSpecSql, DeleteInstanceSql, UpdateKeyedEventSql,
        RefreshInstanceColumnsSql, TrimEventsSql, PreviousSpecSql, RecordChangeSql, UpdateOperatorEventSql, DeleteSnapshotSql,
    ];

    /// <summary>The columns every insert or upsert of the writer sets, by table.</summary>
    public IReadOnlyList<TableShape> WrittenTables => [Applications, Instances, InstanceSpecs, Clusters, Snapshots, Events, WatchPositions, PrunedInstances];

    // The spec of a new instance whose row was not written in this statement's batch (stored before under the application).
    public const string InsertSpecOfStoredInstanceSql =
        """
        INSERT INTO "InstanceSpecs" ("InstanceId", "EffectiveSpecJson")
        SELECT "Id", @EffectiveSpecJson FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId
        ON CONFLICT ("InstanceId") DO NOTHING
        """;

    public const string DeleteClusterSql =
        """DELETE FROM "Clusters" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    public const string DeleteSpecSql =
        """DELETE FROM "InstanceSpecs" WHERE "InstanceId" = (SELECT "Id" FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId)""";

    public const string DeleteInstanceSql =
        """DELETE FROM "Instances" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    // An error episode's event keeps its place (and first-seen time) and takes the new count and last time.
    public const string UpdateKeyedEventSql =
        """
        UPDATE "Events" SET "Message" = @Message, "InstanceUid" = @InstanceUid, "Count" = @Count, "LastSeenAt" = @LastSeenAt
        WHERE "ApplicationId" = @ApplicationId AND "Key" = @Key
        """;

    // An operator Event's row keeps the instance it was filed under when first recorded: a relist after a restart
    // cannot place it better.
    public const string UpdateOperatorEventSql =
        """
        UPDATE "Events" SET "Message" = @Message, "Count" = @Count, "LastSeenAt" = @LastSeenAt
        WHERE "ApplicationId" = @ApplicationId AND "Key" = @Key
        """;

    public const string RefreshInstanceColumnsSql =
        """
        UPDATE "Applications" SET
            "InstanceCount" = (SELECT COUNT(*) FROM "Instances" WHERE "ApplicationId" = @Id),
            "LatestInstanceSequence" = (SELECT MAX("Sequence") FROM "Instances" WHERE "ApplicationId" = @Id),
            "LatestInstanceUid" = (SELECT "Uid" FROM "Instances" WHERE "ApplicationId" = @Id ORDER BY "Sequence" DESC LIMIT 1),
            "CurrentInstanceSequence" = (SELECT "Sequence" FROM "Instances" WHERE "ApplicationId" = @Id AND "Uid" = "Applications"."CurrentInstanceUid")
        WHERE "Id" = @Id
        """;

    public const string TrimEventsSql =
        """
        DELETE FROM "Events" WHERE "ApplicationId" = @ApplicationId AND "Id" <= (
            SELECT "Id" FROM "Events" WHERE "ApplicationId" = @ApplicationId ORDER BY "Id" DESC LIMIT 1 OFFSET @Keep)
        """;

    public const string DeleteSnapshotSql =
        """DELETE FROM "Snapshots" WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId""";

    // The spec of the kept instance just before a new one (its predecessor: never pruned while it is the latest).
    public const string PreviousSpecSql =
        """
        SELECT s."EffectiveSpecJson" FROM "Instances" AS i JOIN "InstanceSpecs" AS s ON s."InstanceId" = i."Id"
        WHERE i."ApplicationId" = @ApplicationId AND i."Sequence" < @Sequence
        ORDER BY i."Sequence" DESC LIMIT 1
        """;

    public const string RecordChangeSql =
        """
        UPDATE "Instances" SET "ChangeSummary" = @ChangeSummary, "ChangeKinds" = @ChangeKinds, "ChangedConfigurationKeys" = @ChangedConfigurationKeys
        WHERE "Uid" = @Uid AND "ApplicationId" = @ApplicationId
        """;

    /// <summary>ON CONFLICT: every column but the conflict key and <paramref name="kept"/> takes the new row's value.</summary>
    private static string Upsert(TableShape table, string[] conflict, string[] kept, string? guard)
    {
        var keptColumns = conflict.Concat(kept).Select(p => table[p].Name).ToHashSet(StringComparer.Ordinal);
        var updates = table.Columns.Where(c => !keptColumns.Contains(c.Name)).Select(c => $"{c.Quoted} = excluded.{c.Quoted}").ToList();
        var target = string.Join(", ", conflict.Select(p => table[p].Quoted));
        if (updates.Count == 0)
        {
            return $"ON CONFLICT ({target}) DO NOTHING";
        }
        var where = guard is null ? "" : $" WHERE \"{table.Table}\".{table[guard].Quoted} = excluded.{table[guard].Quoted}";
        return $"ON CONFLICT ({target}) DO UPDATE SET {string.Join(", ", updates)}{where}";
    }

    private static string Returning(TableShape table, params string[] properties) =>
        " RETURNING " + string.Join(", ", properties.Select(p => table[p].Quoted));

    /// <summary>The tombstone takes the instance's stored sequence; a model column this does not know fails loudly here.</summary>
    private static string InsertTombstone(TableShape table)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [nameof(PrunedInstance.Uid)] = "\"Uid\"",
            [nameof(PrunedInstance.Environment)] = "@Environment",
            [nameof(PrunedInstance.ApplicationName)] = "@ApplicationName",
            [nameof(PrunedInstance.Sequence)] = "\"Sequence\"",
            [nameof(PrunedInstance.PrunedAt)] = "@PrunedAt",
        };
        var unknown = table.Columns.Where(c => !values.ContainsKey(c.Property)).Select(c => c.Property).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The tombstone insert does not say what to store in {string.Join(", ", unknown)}.");
        }
        return $"INSERT INTO \"{table.Table}\" ({string.Join(", ", table.Columns.Select(c => c.Quoted))}) "
            + $"SELECT {string.Join(", ", table.Columns.Select(c => values[c.Property]))} FROM \"Instances\" "
            + "WHERE \"Uid\" = @Uid AND \"ApplicationId\" = @ApplicationId ON CONFLICT (\"Uid\") DO NOTHING";
    }
}
