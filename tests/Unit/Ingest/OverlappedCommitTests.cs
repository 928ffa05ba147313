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
/// The pipeline tracks the next batch while the current one commits. That changes nothing but speed: the store is the
/// one committing each batch before reading the next gives, commits and the feed's publications keep the batches'
/// order, and a failed commit loses the batch tracked on top of it too, which the relist then restores.
/// </summary>
public sealed class OverlappedCommitTests
{
    private const int BatchSize = 25;
    private const int Rounds = 3;

    [Fact]
    public async Task Overlapped_commits_give_the_same_store_as_serial_ones()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var stream = await RecordedSignals.RecordAsync(simulator, Rounds);

        var serial = await ReplayAsync(stream, overlap: false);
        var overlapped = await ReplayAsync(stream, overlap: true);

        var batches = BatchesOf(stream);
        Assert.True(batches > 10, $"only {batches} batches");
        Assert.Equal(batches, overlapped.Commits.Count);
        // Every commit but the last was held until the pipeline had tracked the next batch: they did overlap.
        Assert.All(overlapped.Commits.SkipLast(1), c => Assert.True(c.NextBatchTracked, $"commit {c.Number} did not overlap tracking"));
        Assert.True(serial.Rows.Count(r => r.StartsWith("Instances: ", StringComparison.Ordinal)) > 90, "the spec changes made no instances");
        Assert.Contains(serial.Rows, r => r.StartsWith("Clusters: ", StringComparison.Ordinal) && !r.Contains("EndedAt=null", StringComparison.Ordinal));
        Assert.Equal(serial.Rows, overlapped.Rows);
    }

    [Fact]
    public async Task Overlapped_commits_run_one_at_a_time_and_are_published_in_batch_order()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var stream = await RecordedSignals.RecordAsync(simulator, Rounds);

        var replay = await ReplayAsync(stream, overlap: true);

        Assert.Equal(1, replay.MostInFlight);
        Assert.Equal(Enumerable.Range(1, BatchesOf(stream)), replay.Commits.Select(c => c.Number));
        Assert.DoesNotContain(replay.Commits, c => c.Failed);
        var published = 0;
        long? lastSequence = null;
        foreach (var commit in replay.Commits)
        {
            // The previous commit was published before this one started, and nothing else was.
            Assert.Equal(published, commit.PublicationsAtStart);
            if (commit.Published)
            {
                Assert.Equal((lastSequence ?? commit.Sequence - 1) + 1, commit.Sequence);
                lastSequence = commit.Sequence;
                published++;
            }
        }
        Assert.True(published > 10, $"only {published} commits changed something");
        Assert.Equal(published, replay.Publications);
    }

    [Fact]
    public async Task A_list_counts_as_committed_only_once_the_batch_holding_it_is_committed()
    {
        await using var simulator = await ColdStartListTests.SettledClusterAsync();
        var lists = await ColdStartListTests.ListEverythingAsync(simulator, pageSize: 0);
        var flinkDeployments = lists.Single(l => l.Kind == ResourceKind.FlinkDeployment);
        var jobManagers = lists.Single(l => l.Kind == ResourceKind.JobManagerDeployment);
        using var data = new TempDirectory();
        var time = new ColdStartListTests.FrozenTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var feed = new ChangeFeed();
        var health = new WatchHealth();
        await using var provider = new SqliteStoreProvider(new SqliteStoreOptions(data.File("cmf.db")));
        using var store = new InstanceStore(provider, StoreOptions.Default, time);
        await store.InitializeAsync(CancellationToken.None);
        using var relist = new RelistSignal();
        using var gate = new SemaphoreSlim(0);
        var observed = new ObservedCommits(new InstanceBatchStore(store), feed) { Gate = gate };
        var pipeline = new IngestPipeline(
            store, observed, feed, new EnvironmentCatalog([], watchAllNamespaces: true), health, relist,
            new IngestSettings(TrackerSettings.Default) { FlinkDeploymentListFirst = false }, time, NullLogger<IngestPipeline>.Instance);
        observed.Pipeline = pipeline;
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync("https://cluster.test", stop.Token);
        bool Committed(ResourceListed list) => health.StatusOf(WatchHealth.NameOf(list.Kind, list.Namespace))?.ListCommitted == true;

        await pipeline.Input.WriteAsync(flinkDeployments);
        await Eventually.TrueAsync(() => observed.StartedCommits == 1 || running.IsCompleted, "the FlinkDeployment list's commit started");
        await pipeline.Input.WriteAsync(jobManagers);
        await Eventually.TrueAsync(() => pipeline.TrackedBatches == 2 || running.IsCompleted, "the JobManager list is tracked while the first commit is held");

        Assert.False(running.IsCompleted, "the pipeline stopped by itself");
        Assert.Equal(1, observed.StartedCommits);
        Assert.False(Committed(flinkDeployments), "the FlinkDeployment list counts as committed before its commit ended");
        Assert.False(Committed(jobManagers), "the JobManager list counts as committed before its commit started");
        gate.Release();
        await Eventually.TrueAsync(() => Committed(flinkDeployments) || running.IsCompleted, "the FlinkDeployment list counts as committed");
        Assert.False(Committed(jobManagers), "the JobManager list counts as committed before its commit ended");
        gate.Release();
        await Eventually.TrueAsync(() => Committed(jobManagers) || running.IsCompleted, "the JobManager list counts as committed");
        Assert.False(running.IsCompleted, "the pipeline stopped by itself");
        Assert.Equal(2, observed.Commits.Count);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task A_commit_failing_while_the_next_batch_is_tracked_loses_both_batches_and_the_relist_restores_the_ground_truth()
    {
        const string Ns = "payments";
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        var applications = Enumerable.Range(0, 6).Select(i => (Ns, $"app-{i}")).ToList();
        foreach (var (_, name) in applications)
        {
            simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(name).WithUpgradeMode("savepoint").Build());
        }
        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        ObservedCommits? observed = null;
        await using var cluster = await WatchedCluster.StartAsync(simulator, commitsThrough: (store, feed) => observed = new ObservedCommits(store, feed));
        var commits = observed!;
        commits.Pipeline = cluster.Pipeline;
        var relistsBefore = cluster.RelistsByWatch();

        commits.FailNextCommitWithResults();
        simulator.Api.PatchFlinkDeployment(Ns, "app-0", SpecPatch(1));
        await Eventually.TrueAsync(() => commits.HoldingTheFailingCommit, "the commit of app-0's change is held");
        // Meanwhile the operator upgrades app-0: the tracking of its events builds on the held batch.
        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => commits.Commits.Any(c => c.Failed), "the held commit failed");
        await Eventually.TrueAsync(() => cluster.EveryWatchRelistedSince(relistsBefore), "every watch relisted after the failed commit");

        // Later changes are tracked as usual.
        simulator.Api.PatchFlinkDeployment(Ns, "app-1", SpecPatch(2));
        simulator.Api.PatchFlinkDeployment(Ns, "app-0", SpecPatch(3));
        for (var settle = 0; settle < 3; settle++)
        {
            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        }
        var comparison = await Eventually.ValueAsync(
            () => GroundTruthComparison.RunAsync(cluster, applications), c => c.Differences.Count == 0, "the store equals the ground truth", TimeSpan.FromSeconds(30));
        await cluster.ThrowIfStoppedAsync();

        var failed = Assert.Single(commits.Commits, c => c.Failed);
        Assert.True(failed.NextBatchTracked, "the next batch was not tracked while the failing commit was in flight");
        Assert.Equal(0, commits.ResultsBuiltOnTheFailedCommit);
        Assert.True(comparison.Differences.Count == 0, comparison.Summary);
        Assert.Equal(applications.Count + 3, comparison.InstancesCompared);
        // What the tracker believes is what is stored: nothing of the two lost batches stayed behind in memory.
        var pipeline = cluster.Pipeline!;
        await cluster.StopWatcherAsync();
        Assert.Equal(Describe(await cluster.StoredStatesAsync()), Describe(pipeline.TrackedStates()));
    }

    private static int BatchesOf(IReadOnlyList<WatchSignal> stream) => (stream.Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// A fresh store after a pipeline applied the whole stream, at one frozen time. The stream is queued before the
    /// pipeline starts, so every batch takes the next <see cref="BatchSize"/> signals, whichever way it commits.
    /// </summary>
    private static async Task<Replay> ReplayAsync(IReadOnlyList<WatchSignal> stream, bool overlap)
    {
        using var data = new TempDirectory();
        var path = data.File("cmf.db");
        var time = new ColdStartListTests.FrozenTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var batches = BatchesOf(stream);
        ObservedCommits observed;
        var feed = new ChangeFeed();
        await using (var provider = new SqliteStoreProvider(new SqliteStoreOptions(path)))
        {
            using var store = new InstanceStore(provider, StoreOptions.Default, time);
            await store.InitializeAsync(CancellationToken.None);
            using var relist = new RelistSignal();
            observed = new ObservedCommits(new InstanceBatchStore(store), feed) { HoldWhile = number => overlap && number < batches };
            var pipeline = new IngestPipeline(
                store, observed, feed, new EnvironmentCatalog([], watchAllNamespaces: true), new WatchHealth(), relist,
                new IngestSettings(TrackerSettings.Default, MaxBatchSize: BatchSize, InputCapacity: stream.Count) { OverlapCommits = overlap },
                time, NullLogger<IngestPipeline>.Instance);
            observed.Pipeline = pipeline;
            foreach (var signal in stream)
            {
                Assert.True(pipeline.Input.TryWrite(signal));
            }
            using var stop = new CancellationTokenSource();
            var running = pipeline.RunAsync("https://cluster.test", stop.Token);
            await Eventually.TrueAsync(() => pipeline.CommittedBatches == batches || running.IsCompleted, "every batch is committed", TimeSpan.FromSeconds(60));
            Assert.False(running.IsCompleted, "the pipeline stopped by itself");
            Assert.Equal(0, pipeline.QueuedSignals);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        }
        return new Replay(await StoreRows.ReadAsync(path), observed.Commits, observed.MostInFlight, feed.Publications);
    }

    private static JsonObject SpecPatch(int step) => new()
    {
        ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["overlap.step"] = $"{step}" } },
    };

    private static List<string> Describe(IEnumerable<ApplicationState> states) =>
        [.. states.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).Select(s =>
            $"{s.Key} uid={s.ObjectUid} rv={s.ResourceVersion} generation={s.Generation} deleted={s.ObjectDeleted} last=#{s.LastSequence} " +
            $"instances=[{string.Join(", ", s.Instances.Select(i => $"#{i.Sequence} {i.Uid} g{i.Generation} {i.SpecHash}"))}] " +
            $"clusters=[{string.Join(", ", s.Clusters.Select(c => $"{c.Uid} of {c.OwnerInstanceUid} {(c.EndedAt is null ? "live" : "ended")}"))}]")];

    private sealed record Replay(IReadOnlyList<string> Rows, IReadOnlyList<ObservedCommit> Commits, int MostInFlight, long Publications);
}
