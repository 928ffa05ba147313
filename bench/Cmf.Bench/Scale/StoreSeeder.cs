using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Tracking;

namespace Cmf.Bench.Scale;

/// <summary>
/// Fills a store through the product's own path: generated observations go through the pure tracker
/// (<see cref="InstanceTracker"/>) and its results through the one writer (<see cref="InstanceStore"/>),
/// so instances, clusters, spec texts, events and list columns are exactly what the product writes.
/// Each generation of an application is a spec change with a savepoint upgrade: the new instance, the
/// old JobManager Deployment deleted, a new one created for the generation, then the job running.
/// </summary>
public sealed class StoreSeeder(ScaleShape shape)
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int MaxEventsPerApplication = 100;
    private long _resourceVersion = 1000;

    public static string Environment(int index) => $"team-{index:D2}";

    public static string ApplicationName(int index) => $"app-{index:D5}";

    public async Task<SeedReport> SeedAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var provider = new SqliteStoreProvider(SqliteStoreOptions.InDirectory(dataDirectory));
        using var store = new InstanceStore(provider, new StoreOptions { MaxEventsPerApplication = MaxEventsPerApplication });
        await store.InitializeAsync(cancellationToken);
        var environments = Enumerable.Range(0, shape.Environments).Select(e => new EnvironmentInfo(Environment(e), Environment(e))).ToList();
        await store.UpsertEnvironmentsAsync(environments, cancellationToken);

        // The tracker runs on one task and the writer on another, so the two cores overlap them.
        var settings = new TrackerSettings(MaxInstancesPerApplication: 100);
        var results = Channel.CreateBounded<TrackerResult>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        long observations = 0, events = 0;
        var tracking = new Stopwatch();
        var tracker = Task.Run(async () =>
        {
            try
            {
                for (var app = 0; app < shape.Applications; app++)
                {
                    tracking.Start();
                    var key = new ApplicationKey(Environment(app % shape.Environments), ApplicationName(app));
                    var state = ApplicationState.Empty(key, key.Environment);
                    var steps = new List<TrackerResult>();
                    foreach (var (observation, at) in Observations(key, app))
                    {
                        var result = InstanceTracker.Apply(state, observation, at, settings);
                        state = result.State;
                        observations++;
                        events += result.Events.Count;
                        if (result.HasChanges)
                        {
                            steps.Add(result);
                        }
                    }
                    tracking.Stop();
                    await results.Writer.WriteAsync(NetChange(steps), cancellationToken);
                }
                results.Writer.Complete();
            }
            catch (Exception e)
            {
                results.Writer.Complete(e);
            }
        }, cancellationToken);

        var committing = new Stopwatch();
        var batch = new List<TrackerResult>();
        var committed = 0;
        await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
        {
            batch.Add(result);
            if (batch.Count < shape.CommitBatchApplications)
            {
                continue;
            }
            committing.Start();
            await store.CommitAsync(batch, cancellationToken);
            committing.Stop();
            committed += batch.Count;
            batch.Clear();
            if (committed % 1000 == 0)
            {
                Console.WriteLine($"  seeded {committed:N0}/{shape.Applications:N0} applications in {watch.Elapsed.TotalSeconds:0}s (specs + tracker {tracking.Elapsed.TotalSeconds:0}s, store {committing.Elapsed.TotalSeconds:0}s)");
            }
        }
        await tracker;
        if (batch.Count > 0)
        {
            committing.Start();
            await store.CommitAsync(batch, cancellationToken);
            committing.Stop();
        }
        return new SeedReport(shape, watch.Elapsed, tracking.Elapsed, committing.Elapsed, observations, events, new FileInfo(Path.Combine(dataDirectory, "cmf.db")).Length);
    }

    /// <summary>
    /// The steps of one application as one result: from the state before the first step to the state after the
    /// last, with every new spec text. The writer upserts by UID, so the rows are those the steps would leave
    /// one by one; of the events only the newest the store retains are passed (it trims the rest anyway).
    /// </summary>
    private static TrackerResult NetChange(List<TrackerResult> steps)
    {
        var events = steps.SelectMany(s => s.Events).ToList();
        return new TrackerResult(
            steps[0].Previous,
            steps[^1].State,
            [.. events.Skip(Math.Max(0, events.Count - MaxEventsPerApplication))],
            [.. steps.SelectMany(s => s.NewInstanceSpecs)],
            [.. steps.SelectMany(s => s.PrunedInstanceUids)]);
    }

    private IEnumerable<(Observation Observation, DateTimeOffset At)> Observations(ApplicationKey key, int app)
    {
        var objectUid = DeterministicGuid(app, 0).ToString();
        var start = Epoch.AddMinutes(app);
        JobManagerDeploymentSnapshot? previousDeployment = null;
        for (var generation = 1; generation <= shape.InstancesPerApplication; generation++)
        {
            var at = start.AddHours(generation);
            var spec = SpecVersionFactory.Create(Spec(key, generation));
            var upgrading = new FlinkDeploymentStatusSnapshot
            {
                JobState = generation == 1 ? null : JobState.Finished,
                LifecycleState = generation == 1 ? LifecycleState.Created : LifecycleState.Upgrading,
                ReconciliationState = ReconciliationState.Upgrading,
                JobManagerDeploymentStatus = generation == 1 ? JobManagerDeploymentStatus.Deploying : JobManagerDeploymentStatus.Ready,
                ObservedGeneration = generation - 1,
                UpgradeSavepointPath = generation == 1 ? null : $"s3://savepoints/{key.Name}/savepoint-{generation - 1}",
            };
            yield return (new FlinkDeploymentObserved(key, key.Environment, Snapshot(objectUid, generation, spec, upgrading, start)), at);

            if (previousDeployment is not null)
            {
                yield return (new JobManagerDeploymentDeleted(key, key.Environment, previousDeployment with { ResourceVersion = NextVersion() }), at.AddSeconds(20));
            }
            var deployment = new JobManagerDeploymentSnapshot
            {
                Uid = DeterministicGuid(app, generation).ToString(),
                Name = key.Name,
                ResourceVersion = NextVersion(),
                CreationTimestamp = at.AddSeconds(30),
                GenerationAnnotation = generation,
                DeploymentType = "flink-native-kubernetes",
            };
            yield return (new JobManagerDeploymentObserved(key, key.Environment, deployment), at.AddSeconds(30));
            previousDeployment = deployment;

            var running = new FlinkDeploymentStatusSnapshot
            {
                JobState = JobState.Running,
                JobId = DeterministicGuid(app, -generation).ToString("N"),
                JobName = key.Name,
                LifecycleState = LifecycleState.Stable,
                ReconciliationState = ReconciliationState.Deployed,
                JobManagerDeploymentStatus = JobManagerDeploymentStatus.Ready,
                ObservedGeneration = generation,
            };
            yield return (new FlinkDeploymentObserved(key, key.Environment, Snapshot(objectUid, generation, spec, running, start)), at.AddSeconds(90));
        }
    }

    private FlinkDeploymentSnapshot Snapshot(string objectUid, long generation, SpecVersion spec, FlinkDeploymentStatusSnapshot status, DateTimeOffset created) => new()
    {
        ObjectUid = objectUid,
        ResourceVersion = NextVersion(),
        Generation = generation,
        CreationTimestamp = created,
        Spec = spec,
        Status = status,
    };

    private string NextVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    /// <summary>A typical FlinkDeployment spec (about 1 KB canonical); each generation changes parallelism and a config value.</summary>
    private static JsonObject Spec(ApplicationKey key, int generation) => new()
    {
        ["image"] = "registry.example.com/flink/orders-pipeline:1." + generation.ToString(CultureInfo.InvariantCulture),
        ["flinkVersion"] = "v1_20",
        ["serviceAccount"] = "flink",
        ["flinkConfiguration"] = new JsonObject
        {
            ["taskmanager.numberOfTaskSlots"] = "2",
            ["state.backend.type"] = "rocksdb",
            ["state.checkpoints.dir"] = $"s3://checkpoints/{key.Environment}/{key.Name}",
            ["state.savepoints.dir"] = $"s3://savepoints/{key.Environment}/{key.Name}",
            ["execution.checkpointing.interval"] = $"{10 + generation % 50}s",
            ["high-availability.type"] = "kubernetes",
            ["high-availability.storageDir"] = $"s3://ha/{key.Environment}/{key.Name}",
            ["s3.secret-key"] = "not-a-real-secret-" + generation.ToString(CultureInfo.InvariantCulture),
        },
        ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 }, ["replicas"] = 1 },
        ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "4096m", ["cpu"] = 2 } },
        ["job"] = new JsonObject
        {
            ["jarURI"] = "local:///opt/flink/usrlib/orders-pipeline.jar",
            ["entryClass"] = "com.example.orders.Pipeline",
            ["args"] = new JsonArray("--source", "kafka", "--topic", key.Name),
            ["parallelism"] = 2 + generation % 8,
            ["upgradeMode"] = "savepoint",
            ["state"] = "running",
        },
    };

    private static Guid DeterministicGuid(int app, int generation)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, app);
        BitConverter.TryWriteBytes(bytes[4..], generation);
        BitConverter.TryWriteBytes(bytes[8..], 0x5CA1EL);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 shape
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>How big a seeded store is.</summary>
public sealed record ScaleShape(string Name, int Applications, int InstancesPerApplication, int Environments, int CommitBatchApplications)
{
    public long Instances => (long)Applications * InstancesPerApplication;
}

public sealed record SeedReport(ScaleShape Shape, TimeSpan Elapsed, TimeSpan Tracking, TimeSpan Committing, long Observations, long TrackerEvents, long DatabaseBytes);
