using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Feed;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// At a first start the pipeline applies a scope's FlinkDeployment list before its JobManager lists, which arrive
/// first: the store is the same, row by row, as when they are applied as they come; what is held is applied in the
/// order it came; a FlinkDeployment watch that fails before listing holds nothing back for good.
/// </summary>
public sealed class FlinkDeploymentListFirstTests
{
    [Fact]
    public async Task JobManager_lists_held_for_the_FlinkDeployment_list_give_the_same_store_as_applied_first()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var signals = JobManagerListsFirst(await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0));

        var asTheyCome = await StoreRowsAsync(signals, listFirst: false);
        var held = await StoreRowsAsync(signals, listFirst: true);

        Assert.Equal(90, asTheyCome.Count(r => r.StartsWith("Clusters: ", StringComparison.Ordinal)));
        Assert.Equal(WithNaturalKeys(asTheyCome), WithNaturalKeys(held));
    }

    [Fact]
    public async Task Held_changes_are_applied_after_the_FlinkDeployment_list_in_the_order_they_came()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var deployments = lists.Single(l => l.Kind == ResourceKind.JobManagerDeployment);
        var first = deployments.Items[0].Json;
        var second = deployments.Items[1].Json;
        var version = lists.Max(l => ulong.Parse(l.ResourceVersion, CultureInfo.InvariantCulture));
        // After the JobManager list: one Deployment scaled to zero and back (the last word wins), another deleted.
        var changes = new WatchSignal[]
        {
            Changed(WatchEventKind.Modified, Replicas(first, 0, version + 1), version + 1),
            Changed(WatchEventKind.Deleted, Versioned(second, version + 2), version + 2),
            Changed(WatchEventKind.Modified, Replicas(first, 1, version + 3), version + 3),
        };
        // The JobManager lists come first, the changes (newer) after them, the FlinkDeployment list last.
        var signals = JobManagerListsFirst(lists);
        signals.InsertRange(signals.FindLastIndex(s => s is ResourceListed { Kind: ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod }) + 1, changes);
        // What the held run must amount to: the other lists as they came, the FlinkDeployment list, then the held
        // JobManager lists and changes in the order they happened.
        bool IsJobManager(WatchSignal s) => s.Kind is ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod;
        List<WatchSignal> inOrder =
        [
            .. signals.Where(s => !IsJobManager(s) && s.Kind is not (ResourceKind.FlinkDeployment or ResourceKind.FlinkDeploymentEvent)),
            signals.Single(s => s.Kind == ResourceKind.FlinkDeployment),
            .. signals.Where(IsJobManager),
            signals.Single(s => s.Kind == ResourceKind.FlinkDeploymentEvent),
        ];

        var appliedInOrder = await StoreRowsAsync(inOrder, listFirst: false);
        var held = await StoreRowsAsync(signals, listFirst: true);
        var withoutChanges = await StoreRowsAsync(JobManagerListsFirst(lists), listFirst: true);

        Assert.Equal(WithNaturalKeys(appliedInOrder), WithNaturalKeys(held));
        Assert.NotEqual(WithNaturalKeys(withoutChanges), WithNaturalKeys(held));
    }

    [Fact]
    public async Task An_Event_list_held_for_the_FlinkDeployment_list_gives_the_store_of_applying_it_right_after()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var events = lists.Single(l => l.Kind == ResourceKind.FlinkDeploymentEvent);
        var version = lists.Max(l => ulong.Parse(l.ResourceVersion, CultureInfo.InvariantCulture));
        // After the Event list: one of its Events again, counted twice now (the Event's newer word).
        var again = events.Items[0].Json.DeepClone().AsObject();
        again["metadata"]!["resourceVersion"] = (version + 1).ToString(CultureInfo.InvariantCulture);
        again["count"] = 2;
        var change = new ResourceChanged(ResourceKind.FlinkDeploymentEvent, null, WatchEventKind.Modified, new ApiObject(again), (version + 1).ToString(CultureInfo.InvariantCulture));
        // The first start's order: JobManager and Event lists, the change, the other lists, the FlinkDeployment list last.
        var signals = EventListFirst(lists);
        signals.Insert(signals.FindLastIndex(s => s is ResourceListed { Kind: ResourceKind.FlinkDeploymentEvent }) + 1, change);
        static bool IsHeld(WatchSignal s) => s.Kind is ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod or ResourceKind.FlinkDeploymentEvent;
        List<WatchSignal> inOrder =
        [
            .. signals.Where(s => !IsHeld(s) && s.Kind != ResourceKind.FlinkDeployment),
            signals.Single(s => s.Kind == ResourceKind.FlinkDeployment),
            .. signals.Where(IsHeld),
        ];

        var asTheyCome = await StoreRowsAsync(signals, listFirst: false);
        var appliedInOrder = await StoreRowsAsync(inOrder, listFirst: false);
        var held = await StoreRowsAsync(signals, listFirst: true);

        Assert.True(events.Items.Count >= 90, $"{events.Items.Count} Events");
        Assert.Equal(WithNaturalKeys(appliedInOrder), WithNaturalKeys(held));
        // The change was applied after its list: the Event is stored counted twice.
        Assert.Contains(OperatorEventRows(held), r => r.Contains(", Count=2,", StringComparison.Ordinal));
        // Applied behind the FlinkDeployment list, every Event is filed under the instance it happened in; applied as
        // they come, before any application had an instance, none is.
        Assert.DoesNotContain(OperatorEventRows(held), r => r.Contains("InstanceUid=null", StringComparison.Ordinal));
        Assert.All(OperatorEventRows(asTheyCome), r => Assert.Contains("InstanceUid=null", r, StringComparison.Ordinal));
        // What differs is only that: the clusters, instances and applications are the same.
        Assert.Equal(
            WithNaturalKeys(asTheyCome).Where(r => !r.StartsWith("Events: ", StringComparison.Ordinal)),
            WithNaturalKeys(held).Where(r => !r.StartsWith("Events: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JobManager_lists_wait_for_the_FlinkDeployment_list_and_no_longer_once_its_watch_fails()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        using var data = new TempDirectory();
        await using var run = await PipelineRun.StartAsync(data.File("cmf.db"), listFirst: true);
        var snapshots = lists.Single(l => l.Kind == ResourceKind.FlinkStateSnapshot);

        foreach (var list in lists.Where(l => l.Kind is ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod).Append(snapshots))
        {
            await run.Pipeline.Input.WriteAsync(list);
        }
        await run.CommittedAsync(snapshots);

        // The snapshot list came after the JobManager lists and is committed; they are held.
        Assert.False(run.Health.StatusOf(NameOf(ResourceKind.JobManagerDeployment))!.ListCommitted);
        Assert.False(run.Health.StatusOf(NameOf(ResourceKind.JobManagerPod))!.ListCommitted);

        run.Health.Update(NameOf(ResourceKind.FlinkDeployment), s => s with { Phase = WatchPhase.BackingOff, LastError = "connection refused", Restarts = 1 });

        await Eventually.TrueAsync(
            () => run.Health.StatusOf(NameOf(ResourceKind.JobManagerDeployment))!.ListCommitted && run.Health.StatusOf(NameOf(ResourceKind.JobManagerPod))!.ListCommitted,
            "the JobManager lists are committed once the FlinkDeployment watch failed");
        await run.StopAsync();
        var rows = await StoreRows.ReadAsync(data.File("cmf.db"));
        // Without a FlinkDeployment each application holds its cluster until its generation is seen.
        Assert.Equal(90, rows.Count(r => r.StartsWith("Applications: ", StringComparison.Ordinal) && !r.Contains("PendingClustersJson=null", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The rows with their surrogate keys (numbered in the order rows were first written, which is what changes) put as
    /// what they stand for: an application's namespace and name, an instance's uid; a row's own id and the number of
    /// the commit that last wrote it left out. Sorted, as the ids no longer order them.
    /// </summary>
    private static List<string> WithNaturalKeys(IReadOnlyList<string> rows)
    {
        var applications = new Dictionary<string, string>(StringComparer.Ordinal);
        var instances = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var columns = Columns(row);
            if (row.StartsWith("Applications: ", StringComparison.Ordinal))
            {
                applications[columns["Id"]] = $"{columns["Namespace"]}/{columns["Name"]}";
            }
            else if (row.StartsWith("Instances: ", StringComparison.Ordinal))
            {
                instances[columns["Id"]] = columns["Uid"];
            }
        }
        return [.. rows.Select(row =>
        {
            var table = row[..row.IndexOf(": ", StringComparison.Ordinal)];
            var columns = Columns(row);
            columns.Remove("Id");
            columns.Remove("LastCommit");
            if (columns.TryGetValue("ApplicationId", out var application))
            {
                columns["ApplicationId"] = applications.GetValueOrDefault(application, application);
            }
            if (columns.TryGetValue("InstanceId", out var instance))
            {
                columns["InstanceId"] = instances.GetValueOrDefault(instance, instance);
            }
            return $"{table}: {string.Join(", ", columns.Select(c => $"{c.Key}={c.Value}"))}";
        }).Order(StringComparer.Ordinal)];
    }

    /// <summary>A row's columns as <see cref="StoreRows"/> writes them: "Table: A=1, B=x".</summary>
    private static Dictionary<string, string> Columns(string row)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = row[(row.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        string? last = null;
        foreach (var part in body.Split(", "))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].All(char.IsLetterOrDigit))
            {
                last = part[..equals];
                columns[last] = part[(equals + 1)..];
            }
            else if (last is not null)
            {
                // A value that holds ", " itself (a message).
                columns[last] += ", " + part;
            }
        }
        return columns;
    }

    private static IEnumerable<string> OperatorEventRows(IReadOnlyList<string> rows) =>
        rows.Where(r => r.StartsWith("Events: ", StringComparison.Ordinal) && r.Contains("Key=k8s-event:", StringComparison.Ordinal));

    private static string NameOf(ResourceKind kind) => WatchHealth.NameOf(kind, null);

    /// <summary>
    /// The order a first start sees: the JobManager lists (smaller, so sooner) before the FlinkDeployment list, which
    /// comes last here, after the other lists, so that the JobManager lists are read in batches before it.
    /// </summary>
    private static List<WatchSignal> JobManagerListsFirst(IReadOnlyList<ResourceListed> lists) =>
        [.. lists.OrderBy(l => l.Kind switch
        {
            ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod => 0,
            ResourceKind.FlinkDeployment => 2,
            // Held too when it comes first (see EventListFirst): here it comes after, so only the JobManager lists wait.
            ResourceKind.FlinkDeploymentEvent => 3,
            _ => 1,
        })];

    /// <summary>As <see cref="JobManagerListsFirst"/>, with the FlinkDeployment Event list among the first.</summary>
    private static List<WatchSignal> EventListFirst(IReadOnlyList<ResourceListed> lists) =>
        [.. lists.OrderBy(l => l.Kind switch
        {
            ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod or ResourceKind.FlinkDeploymentEvent => 0,
            ResourceKind.FlinkDeployment => 2,
            _ => 1,
        })];

    private static ResourceChanged Changed(WatchEventKind type, JsonObject deployment, ulong version) =>
        new(ResourceKind.JobManagerDeployment, null, type, new ApiObject(deployment), version.ToString(CultureInfo.InvariantCulture));

    private static JsonObject Versioned(JsonObject deployment, ulong version)
    {
        var copy = deployment.DeepClone().AsObject();
        copy["metadata"]!["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        return copy;
    }

    private static JsonObject Replicas(JsonObject deployment, int replicas, ulong version)
    {
        var copy = Versioned(deployment, version);
        copy["spec"]!["replicas"] = replicas;
        copy["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = replicas, ["availableReplicas"] = replicas };
        return copy;
    }

    /// <summary>
    /// A fresh store after the signals, every watch registered as on its way to its first list. As they come: each list
    /// committed before the next is written. Held: the JobManager lists cannot be committed before the FlinkDeployment
    /// list, so the writer waits only for the others', which proves the JobManager lists were read (and held) before.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StoreRowsAsync(IReadOnlyList<WatchSignal> signals, bool listFirst)
    {
        using var data = new TempDirectory();
        var path = data.File("cmf.db");
        await using (var run = await PipelineRun.StartAsync(path, listFirst))
        {
            foreach (var signal in signals)
            {
                await run.Pipeline.Input.WriteAsync(signal);
                if (signal is ResourceListed written
                    && !(listFirst && written.Kind is ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod or ResourceKind.FlinkDeploymentEvent))
                {
                    await run.CommittedAsync(written);
                }
            }
            foreach (var list in signals.OfType<ResourceListed>())
            {
                await run.CommittedAsync(list);
            }
            await run.AllAppliedAsync();
            await run.StopAsync();
        }
        return await StoreRows.ReadAsync(path);
    }

    /// <summary>A pipeline over a fresh SQLite store at one frozen time, every watch of the cluster registered.</summary>
    private sealed class PipelineRun : IAsyncDisposable
    {
        private readonly SqliteStoreProvider _provider;
        private readonly InstanceStore _store;
        private readonly RelistSignal _relist = new();
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        private PipelineRun(string path, bool listFirst)
        {
            var time = new ColdStartListTests.FrozenTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
            _provider = new SqliteStoreProvider(new SqliteStoreOptions(path));
            _store = new InstanceStore(_provider, StoreOptions.Default, time);
            foreach (var kind in Enum.GetValues<ResourceKind>())
            {
                Health.Register(WatchHealth.NameOf(kind, null));
                Health.Update(WatchHealth.NameOf(kind, null), s => s with { Phase = WatchPhase.Listing });
            }
            Pipeline = new IngestPipeline(
                _store, new ChangeFeed(), new EnvironmentCatalog([], watchAllNamespaces: true), Health, _relist,
                new IngestSettings(TrackerSettings.Default) { FlinkDeploymentListFirst = listFirst }, time, NullLogger<IngestPipeline>.Instance);
        }

        public WatchHealth Health { get; } = new();

        public IngestPipeline Pipeline { get; }

        public static async Task<PipelineRun> StartAsync(string path, bool listFirst)
        {
            var run = new PipelineRun(path, listFirst);
            await run._store.InitializeAsync(CancellationToken.None);
            run._running = run.Pipeline.RunAsync("https://cluster.test", run._stop.Token);
            return run;
        }

        public async Task CommittedAsync(ResourceListed list)
        {
            var name = WatchHealth.NameOf(list.Kind, list.Namespace);
            await Eventually.TrueAsync(() => Health.StatusOf(name)?.ListCommitted == true || _running.IsCompleted, $"the {name} list is committed");
            Assert.False(_running.IsCompleted, "the pipeline stopped by itself");
        }

        /// <summary>Waits until everything written so far is committed: a catch-up mark behind it, committed.</summary>
        public async Task AllAppliedAsync()
        {
            var name = WatchHealth.NameOf(ResourceKind.JobManagerDeployment, null);
            Health.Update(name, s => s with { ListCommitted = false });
            await Pipeline.Input.WriteAsync(new ResourceCaughtUp(ResourceKind.JobManagerDeployment, null));
            await Eventually.TrueAsync(() => Health.StatusOf(name)?.ListCommitted == true || _running.IsCompleted, "everything written is committed");
            Assert.False(_running.IsCompleted, "the pipeline stopped by itself");
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _running);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_running.IsCompleted)
            {
                await StopAsync();
            }
            _store.Dispose();
            await _provider.DisposeAsync();
            _relist.Dispose();
            _stop.Dispose();
        }
    }
}
