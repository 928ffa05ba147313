using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace Cmf.Bench.Ingest;

/// <summary>
/// The honest floor for ingest (issue 17): the same recorded watch stream (<see cref="WatchStreamFile"/>) parsed with
/// System.Text.Json and turned, by a minimal hand-written ingest without the tracker, into the same kinds of rows
/// (applications, instances with their spec text, clusters, events) written with Microsoft.Data.Sqlite prepared
/// statements, in as many transactions as the pipeline committed batches, into a file migrated by the dashboard's own
/// store (same tables, indexes and settings: WAL, synchronous=NORMAL, foreign keys).
/// Per event: a FlinkDeployment event inserts or updates its application row; a new generation also supersedes the
/// previous instance and inserts an instance, its spec and an "instance created" event; a job or lifecycle state change
/// updates the instance and inserts an event. A JobManager Deployment inserts, updates or ends its cluster (and an
/// event when it starts or ends); a JobManager pod updates its cluster's row. What it leaves out is the product's
/// logic: no tracker, no effective spec or canonical form, no secrets fingerprinted, no segments, no retention, no reorder window.
/// </summary>
internal sealed class WatchStreamBaseline : IAsyncDisposable
{
    public sealed record Measurement(TimeSpan Elapsed, int Events, long Statements, int Transactions);

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, AppRow> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterRow> _clustersByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterRow> _liveClusterByApp = new(StringComparer.Ordinal);
    private readonly Statements _sql;
    private long _statements;

    private WatchStreamBaseline(SqliteConnection connection)
    {
        _connection = connection;
        _sql = new Statements(connection);
    }

    /// <summary>Migrates an empty store at <paramref name="database"/> with the dashboard's own code, then replays <paramref name="stream"/> into it.</summary>
    public static async Task<Measurement> IngestAsync(WatchStreamFile stream, string database, long transactions, CancellationToken cancellationToken)
    {
        await using (var provider = new SqliteStoreProvider(new SqliteStoreOptions(database)))
        {
            using var store = new InstanceStore(provider, StoreOptions.Default);
            await store.InitializeAsync(cancellationToken);
        }
        SqliteConnection.ClearAllPools();

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var baseline = new WatchStreamBaseline(connection);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return await baseline.ReplayAsync(stream, transactions, cancellationToken);
    }

    private async Task<Measurement> ReplayAsync(WatchStreamFile stream, long transactions, CancellationToken cancellationToken)
    {
        var perTransaction = Math.Max(1, (int)Math.Ceiling(stream.Events / (double)Math.Max(1, transactions)));
        var clock = Stopwatch.StartNew();
        using var reader = new StreamReader(stream.Path, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        SqliteTransaction? transaction = null;
        var events = 0;
        var committed = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (transaction is null)
            {
                transaction = _connection.BeginTransaction(deferred: false);
                _sql.Enlist(transaction);
            }
            using (var document = JsonDocument.Parse(line))
            {
                Apply(document.RootElement);
            }
            if (++events % perTransaction == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = null;
                committed++;
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            committed++;
        }
        return new Measurement(clock.Elapsed, events, _statements, committed);
    }

    private void Apply(JsonElement watchEvent)
    {
        var type = watchEvent.GetProperty("type").GetString();
        var item = watchEvent.GetProperty("object");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        switch (item.GetProperty("kind").GetString())
        {
            case "FlinkDeployment":
                ApplyFlinkDeployment(type, item, now);
                break;
            case "Deployment":
                ApplyDeployment(type, item, now);
                break;
            case "Pod":
                ApplyPod(item);
                break;
            default:
                throw new InvalidOperationException($"Unexpected object in the stream: {item.GetProperty("kind")}");
        }
    }

    private void ApplyFlinkDeployment(string? type, JsonElement item, long now)
    {
        var metadata = item.GetProperty("metadata");
        var ns = metadata.GetProperty("namespace").GetString()!;
        var name = metadata.GetProperty("name").GetString()!;
        var generation = metadata.TryGetProperty("generation", out var g) ? g.GetInt64() : 0;
        var status = item.TryGetProperty("status", out var s) ? s : default;
        var spec = item.GetProperty("spec");
        var observed = new Observed(
            JobState: Text(status, "jobStatus", "state"),
            JobId: Text(status, "jobStatus", "jobId"),
            JobName: Text(status, "jobStatus", "jobName"),
            Lifecycle: Text(status, "lifecycleState"),
            JobManager: Text(status, "jobManagerDeploymentStatus"),
            Reconciliation: Text(status, "reconciliationStatus", "state"),
            Error: Text(status, "error"),
            ObservedGeneration: Number(status, "observedGeneration"));

        var key = ns + "/" + name;
        if (!_apps.TryGetValue(key, out var app))
        {
            app = new AppRow(ns, name);
            _apps[key] = app;
        }
        app.Deleted = type == "DELETED";
        if (generation > app.Generation)
        {
            if (app.CurrentInstanceUid is { } previous)
            {
                Execute(_sql.SupersedeInstance, ("$uid", previous), ("$at", now));
            }
            app.Generation = generation;
            app.Sequence++;
            app.CurrentInstanceUid = Guid.NewGuid().ToString();
            app.Upgrade = Text(spec, "job", "upgradeMode");
            app.FlinkVersion = Text(spec, "flinkVersion");
            app.Changed = now;
            Upsert(app, metadata, observed, now);
            var specText = spec.GetRawText();
            var instanceId = (long)ExecuteScalar(_sql.InsertInstance,
                ("$uid", app.CurrentInstanceUid), ("$app", app.Id), ("$sequence", app.Sequence), ("$object", metadata.GetProperty("uid").GetString()),
                ("$generation", generation), ("$hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(specText)))), ("$at", now),
                ("$job", observed.JobState), ("$jobId", observed.JobId), ("$lifecycle", observed.Lifecycle), ("$stop", nameof(InstanceStop.None)),
                ("$flink", app.FlinkVersion), ("$mode", app.Upgrade))!;
            Execute(_sql.InsertSpec, ("$id", instanceId), ("$json", specText));
            AddEvent(app, now, AppEventKind.InstanceCreated, $"Instance {app.Sequence} created", app.CurrentInstanceUid, null, null);
        }
        else
        {
            Upsert(app, metadata, observed, now);
        }
        if (observed.JobState != app.Observed?.JobState || observed.Lifecycle != app.Observed?.Lifecycle || observed.Error != app.Observed?.Error)
        {
            Execute(_sql.UpdateInstanceStatus, ("$uid", app.CurrentInstanceUid), ("$job", observed.JobState), ("$jobId", observed.JobId),
                ("$lifecycle", observed.Lifecycle), ("$error", observed.Error), ("$at", now));
            if (observed.JobState != app.Observed?.JobState)
            {
                AddEvent(app, now, AppEventKind.JobStateChanged, $"Job state {observed.JobState}", app.CurrentInstanceUid, null, observed.JobState);
            }
            if (observed.Lifecycle != app.Observed?.Lifecycle)
            {
                AddEvent(app, now, AppEventKind.LifecycleChanged, $"Lifecycle {observed.Lifecycle}", app.CurrentInstanceUid, null, observed.Lifecycle);
            }
        }
        app.Observed = observed;
    }

    /// <summary>One statement per FlinkDeployment event, as the product's application upsert.</summary>
    private void Upsert(AppRow app, JsonElement metadata, Observed observed, long now)
    {
        (string, object?)[] values =
        [
            ("$env", app.Namespace), ("$name", app.Name), ("$ns", app.Namespace), ("$object", metadata.GetProperty("uid").GetString()),
            ("$rv", metadata.GetProperty("resourceVersion").GetString()), ("$generation", app.Generation), ("$deleted", app.Deleted),
            ("$sequence", app.Sequence), ("$job", observed.JobState), ("$jobId", observed.JobId), ("$jobName", observed.JobName),
            ("$lifecycle", observed.Lifecycle), ("$jm", observed.JobManager), ("$reconciliation", observed.Reconciliation),
            ("$error", observed.Error), ("$observed", observed.ObservedGeneration), ("$flink", app.FlinkVersion), ("$mode", app.Upgrade),
            ("$changed", app.Changed), ("$current", app.CurrentInstanceUid), ("$count", app.Sequence), ("$commit", now),
        ];
        if (app.Id == 0)
        {
            app.Id = (long)ExecuteScalar(_sql.InsertApplication, values)!;
        }
        else
        {
            Execute(_sql.UpdateApplication, [.. values, ("$id", app.Id)]);
        }
    }

    private void ApplyDeployment(string? type, JsonElement item, long now)
    {
        var metadata = item.GetProperty("metadata");
        var uid = metadata.GetProperty("uid").GetString()!;
        var key = metadata.GetProperty("namespace").GetString() + "/" + metadata.GetProperty("name").GetString();
        var rv = metadata.GetProperty("resourceVersion").GetString();
        var generation = metadata.TryGetProperty("generation", out var g) ? g.GetInt64() : (long?)null;
        if (!_apps.TryGetValue(key, out var app) || app.CurrentInstanceUid is null)
        {
            throw new InvalidOperationException($"JobManager Deployment {key} arrived before its FlinkDeployment.");
        }
        if (!_clustersByUid.TryGetValue(uid, out var cluster))
        {
            cluster = new ClusterRow(uid, app);
            cluster.Id = (long)ExecuteScalar(_sql.InsertCluster,
                ("$uid", uid), ("$app", app.Id), ("$name", metadata.GetProperty("name").GetString()), ("$owner", app.CurrentInstanceUid),
                ("$source", nameof(ClusterOwnerSource.LatestInstance)), ("$at", now), ("$rv", rv), ("$generation", generation))!;
            _clustersByUid[uid] = cluster;
            _liveClusterByApp[key] = cluster;
            AddEvent(app, now, AppEventKind.ClusterStarted, "JobManager Deployment created", app.CurrentInstanceUid, uid, null);
        }
        if (type == "DELETED")
        {
            Execute(_sql.EndCluster, ("$id", cluster.Id), ("$at", now), ("$rv", rv));
            _liveClusterByApp.Remove(key);
            AddEvent(app, now, AppEventKind.ClusterEnded, "JobManager Deployment deleted", app.CurrentInstanceUid, uid, null);
        }
        else
        {
            Execute(_sql.UpdateCluster, ("$id", cluster.Id), ("$rv", rv), ("$generation", generation));
        }
    }

    private void ApplyPod(JsonElement item)
    {
        var metadata = item.GetProperty("metadata");
        var app = metadata.TryGetProperty("labels", out var labels) && labels.TryGetProperty("app", out var a) ? a.GetString() : null;
        var key = metadata.GetProperty("namespace").GetString() + "/" + app;
        if (_liveClusterByApp.TryGetValue(key, out var cluster))
        {
            Execute(_sql.UpdateCluster, ("$id", cluster.Id), ("$rv", metadata.GetProperty("resourceVersion").GetString()), ("$generation", null));
        }
    }

    private void AddEvent(AppRow app, long now, AppEventKind kind, string message, string? instance, string? cluster, string? newStatus) =>
        Execute(_sql.InsertEvent, ("$app", app.Id), ("$at", now), ("$kind", kind.ToString()), ("$type", "Normal"), ("$message", message),
            ("$instance", instance), ("$cluster", cluster), ("$status", newStatus));

    private void Execute(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
        _statements++;
    }

    private object? ExecuteScalar(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        Bind(command, values);
        _statements++;
        return command.ExecuteScalar();
    }

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            // The update shares the insert's values; the names it does not use (the key columns) are skipped.
            var index = command.Parameters.IndexOf(name);
            if (index >= 0)
            {
                command.Parameters[index].Value = value ?? DBNull.Value;
            }
        }
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static long? Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;

    public async ValueTask DisposeAsync()
    {
        _sql.Dispose();
        await _connection.DisposeAsync();
    }

    private sealed record Observed(
        string? JobState, string? JobId, string? JobName, string? Lifecycle, string? JobManager, string? Reconciliation, string? Error, long? ObservedGeneration);

    private sealed class AppRow(string ns, string name)
    {
        public string Namespace { get; } = ns;
        public string Name { get; } = name;
        public long Id { get; set; }
        public long Generation { get; set; }
        public int Sequence { get; set; }
        public bool Deleted { get; set; }
        public string? CurrentInstanceUid { get; set; }
        public string? Upgrade { get; set; }
        public string? FlinkVersion { get; set; }
        public long Changed { get; set; }
        public Observed? Observed { get; set; }
    }

    private sealed class ClusterRow(string uid, AppRow app)
    {
        public string Uid { get; } = uid;
        public AppRow App { get; } = app;
        public long Id { get; set; }
    }

    /// <summary>The prepared statements, one per row shape; their parameters are created once and rebound per event.</summary>
    private sealed class Statements : IDisposable
    {
        private const string ApplicationColumns =
            "\"Environment\", \"Name\", \"Namespace\", \"ObjectUid\", \"ResourceVersion\", \"Generation\", \"ObjectDeleted\", \"LastSequence\", "
            + "\"JobState\", \"JobId\", \"JobName\", \"LifecycleState\", \"JobManagerDeploymentStatus\", \"ReconciliationState\", \"Error\", "
            + "\"ObservedGeneration\", \"FlinkVersion\", \"UpgradeMode\", \"LastChangeAt\", \"CurrentInstanceUid\", \"CurrentInstanceSequence\", "
            + "\"LatestInstanceUid\", \"LatestInstanceSequence\", \"InstanceCount\", \"PendingUpgrade\", \"LastCommit\"";

        private const string ApplicationValues =
            "$env, $name, $ns, $object, $rv, $generation, $deleted, $sequence, $job, $jobId, $jobName, $lifecycle, $jm, $reconciliation, $error, "
            + "$observed, $flink, $mode, $changed, $current, $sequence, $current, $sequence, $count, 0, $commit";

        private readonly List<SqliteCommand> _all = [];

        public Statements(SqliteConnection connection)
        {
            InsertApplication = Prepare(connection, $"INSERT INTO \"Applications\" ({ApplicationColumns}) VALUES ({ApplicationValues}) RETURNING \"Id\"");
            UpdateApplication = Prepare(connection,
                "UPDATE \"Applications\" SET \"ObjectUid\" = $object, \"ResourceVersion\" = $rv, \"Generation\" = $generation, \"ObjectDeleted\" = $deleted, "
                + "\"LastSequence\" = $sequence, \"JobState\" = $job, \"JobId\" = $jobId, \"JobName\" = $jobName, \"LifecycleState\" = $lifecycle, "
                + "\"JobManagerDeploymentStatus\" = $jm, \"ReconciliationState\" = $reconciliation, \"Error\" = $error, \"ObservedGeneration\" = $observed, "
                + "\"FlinkVersion\" = $flink, \"UpgradeMode\" = $mode, \"LastChangeAt\" = $changed, \"CurrentInstanceUid\" = $current, "
                + "\"CurrentInstanceSequence\" = $sequence, \"LatestInstanceUid\" = $current, \"LatestInstanceSequence\" = $sequence, "
                + "\"InstanceCount\" = $count, \"LastCommit\" = $commit WHERE \"Id\" = $id");
            SupersedeInstance = Prepare(connection, "UPDATE \"Instances\" SET \"SupersededAt\" = $at WHERE \"Uid\" = $uid");
            InsertInstance = Prepare(connection,
                "INSERT INTO \"Instances\" (\"Uid\", \"ApplicationId\", \"Sequence\", \"ObjectUid\", \"Generation\", \"SpecHash\", \"CreatedAt\", \"JobState\", "
                + "\"JobId\", \"LifecycleState\", \"Stop\", \"FlinkVersion\", \"UpgradeMode\", \"StatusUpdatedAt\") "
                + "VALUES ($uid, $app, $sequence, $object, $generation, $hash, $at, $job, $jobId, $lifecycle, $stop, $flink, $mode, $at) RETURNING \"Id\"");
            InsertSpec = Prepare(connection, "INSERT INTO \"InstanceSpecs\" (\"InstanceId\", \"EffectiveSpecJson\") VALUES ($id, $json)");
            UpdateInstanceStatus = Prepare(connection,
                "UPDATE \"Instances\" SET \"JobState\" = $job, \"JobId\" = $jobId, \"LifecycleState\" = $lifecycle, \"Error\" = $error, \"StatusUpdatedAt\" = $at WHERE \"Uid\" = $uid");
            InsertEvent = Prepare(connection,
                "INSERT INTO \"Events\" (\"ApplicationId\", \"Timestamp\", \"Kind\", \"CmfType\", \"Message\", \"InstanceUid\", \"ClusterUid\", \"NewStatus\", \"Count\") "
                + "VALUES ($app, $at, $kind, $type, $message, $instance, $cluster, $status, 1)");
            InsertCluster = Prepare(connection,
                "INSERT INTO \"Clusters\" (\"Uid\", \"ApplicationId\", \"Name\", \"OwnerInstanceUid\", \"OwnerSource\", \"StartedAt\", \"EndIsApproximate\", "
                + "\"ResourceVersion\", \"Generation\", \"Departing\") VALUES ($uid, $app, $name, $owner, $source, $at, 0, $rv, $generation, 0) RETURNING \"Id\"");
            UpdateCluster = Prepare(connection,
                "UPDATE \"Clusters\" SET \"ResourceVersion\" = $rv, \"Generation\" = COALESCE($generation, \"Generation\") WHERE \"Id\" = $id");
            EndCluster = Prepare(connection, "UPDATE \"Clusters\" SET \"EndedAt\" = $at, \"ResourceVersion\" = $rv WHERE \"Id\" = $id");
        }

        public SqliteCommand InsertApplication { get; }
        public SqliteCommand UpdateApplication { get; }
        public SqliteCommand SupersedeInstance { get; }
        public SqliteCommand InsertInstance { get; }
        public SqliteCommand InsertSpec { get; }
        public SqliteCommand UpdateInstanceStatus { get; }
        public SqliteCommand InsertEvent { get; }
        public SqliteCommand InsertCluster { get; }
        public SqliteCommand UpdateCluster { get; }
        public SqliteCommand EndCluster { get; }

        public void Enlist(SqliteTransaction transaction)
        {
            foreach (var command in _all)
            {
                command.Transaction = transaction;
            }
        }

        private SqliteCommand Prepare(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-zA-Z]+").Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }
            _all.Add(command);
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _all)
            {
                command.Dispose();
            }
        }
    }
}
