using System.Collections.Immutable;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// A stand-in for the tracker: each step changes one application's state the way the tracker would
/// and returns the <see cref="TrackerResult"/> to commit. The clock moves one second per step.
/// </summary>
internal sealed class TrackedApplication
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public TrackedApplication(string environment = "prod", string name = "orders", string? @namespace = null, DateTimeOffset? start = null)
    {
        Now = start ?? Start;
        State = ApplicationState.Empty(new ApplicationKey(environment, name), @namespace ?? environment + "-ns") with
        {
            ObjectUid = $"object-{environment}-{name}",
        };
    }

    public ApplicationState State { get; private set; }

    public ApplicationKey Key => State.Key;

    public DateTimeOffset Now { get; private set; }

    public InstanceState Latest => State.LatestInstance ?? throw new InvalidOperationException("No instance yet.");

    public InstanceState Instance(int sequence) => State.Instances.Single(i => i.Sequence == sequence);

    public static string EffectiveSpec(string uid) => $$$"""{"spec":{"job":{"parallelism":2},"note":"{{{uid}}}"}}""";

    /// <summary>A spec change: a new latest instance that supersedes the previous one.</summary>
    public TrackerResult NewInstance(string flinkVersion = "v1_20", string upgradeMode = "savepoint") => Step(state =>
    {
        var sequence = state.LastSequence + 1;
        var generation = state.Generation + 1;
        var uid = $"uid-{Key.Environment}-{Key.Name}-{sequence}";
        var instances = state.Instances;
        if (state.LatestInstance is { } previous)
        {
            instances = instances.Replace(previous, previous with
            {
                SupersededAt = Now,
                EndedAt = state.Clusters.Any(c => c.OwnerInstanceUid == previous.Uid && c.EndedAt is null) ? null : Now,
            });
        }
        var instance = new InstanceState
        {
            Uid = uid,
            Sequence = sequence,
            ObjectUid = state.ObjectUid!,
            Generation = generation,
            SpecHash = $"hash-{uid}",
            CreatedAt = Now,
            FlinkVersion = flinkVersion,
            UpgradeMode = upgradeMode,
        };
        return (state with
        {
            Generation = generation,
            LastSequence = sequence,
            ResourceVersion = $"rv-{generation}",
            Instances = instances.Add(instance),
            Status = state.Status with { FlinkVersion = flinkVersion, UpgradeMode = upgradeMode },
        },
        [new AppEvent(Now, AppEventKind.InstanceCreated, $"Instance #{sequence} created") { InstanceUid = uid }],
        [new InstanceSpec(uid, EffectiveSpec(uid))],
        []);
    });

    /// <summary>A JobManager Deployment appears: a cluster owned by the latest instance, whose generation the operator reconciled.</summary>
    public TrackerResult StartCluster() => Step(state =>
    {
        var owner = state.LatestInstance!.Uid;
        var cluster = new ClusterState
        {
            Uid = $"cluster-{Key.Name}-{state.Clusters.Count + 1}",
            Name = Key.Name,
            OwnerInstanceUid = owner,
            OwnerSource = ClusterOwnerSource.GenerationAnnotation,
            StartedAt = Now,
            Segments = [new ClusterSegment(owner, Now)],
            Generation = state.Generation,
            DeploymentType = "flink-native-kubernetes",
        };
        return (state with { Clusters = state.Clusters.Add(cluster), Status = state.Status with { Reported = state.Status.Reported with { ObservedGeneration = state.Generation } } },
            [new AppEvent(Now, AppEventKind.ClusterStarted, $"Cluster {cluster.Uid} started") { ClusterUid = cluster.Uid, InstanceUid = owner }],
            [],
            []);
    });

    /// <summary>The live cluster's Deployment is deleted; a superseded owner ends with it.</summary>
    public TrackerResult EndCluster() => Step(state =>
    {
        var live = state.LiveCluster!;
        var owner = state.FindInstance(live.OwnerInstanceUid)!;
        var instances = owner.SupersededAt is null ? state.Instances : state.Instances.Replace(owner, owner with { EndedAt = Now });
        return (state with { Clusters = state.Clusters.Replace(live, live with { EndedAt = Now }), Instances = instances },
            [new AppEvent(Now, AppEventKind.ClusterEnded, $"Cluster {live.Uid} ended") { ClusterUid = live.Uid }],
            [],
            []);
    });

    /// <summary>The operator reports a job state; it goes to the current instance, else the latest.</summary>
    public TrackerResult ReportJobState(JobState jobState) => Step(state =>
    {
        var target = state.FindInstance(state.CurrentInstanceUid ?? state.LatestInstance!.Uid)!;
        var wire = FlinkStateNames.ToWire(jobState);
        return (state with
        {
            Instances = state.Instances.Replace(target, target with { JobState = jobState, StatusUpdatedAt = Now }),
            Status = state.Status with { Reported = state.Status.Reported with { JobState = jobState } },
        },
        [new AppEvent(Now, AppEventKind.JobStateChanged, $"Job {wire}") { InstanceUid = target.Uid, NewStatus = wire }],
        [],
        []);
    });

    /// <summary>Events that change nothing else (e.g. lifecycle messages).</summary>
    public TrackerResult RecordEvents(int count) => Step(state => (state,
        [.. Enumerable.Range(1, count).Select(n => new AppEvent(Now.AddMilliseconds(n), AppEventKind.LifecycleChanged, $"Lifecycle message {n}"))],
        [],
        []));

    /// <summary>Retention as the tracker does it: the instances leave the state together with their clusters.</summary>
    public TrackerResult Prune(params string[] uids) => Step(state => (state with
    {
        Instances = state.Instances.RemoveAll(i => uids.Contains(i.Uid)),
        Clusters = state.Clusters.RemoveAll(c => uids.Contains(c.OwnerInstanceUid)),
    }, [], [], [.. uids]));

    /// <summary>Prunes the oldest instances beyond <paramref name="keep"/>, as the tracker's retention would.</summary>
    public TrackerResult PruneOldestBeyond(int keep) =>
        Prune([.. State.Instances.Take(Math.Max(0, State.Instances.Count - keep)).Select(i => i.Uid)]);

    /// <summary>A faulty tracker result that asks to prune instances it still holds in its state.</summary>
    public TrackerResult AskToPruneWithoutRemoving(params string[] uids) => Step(state => (state, [], [], [.. uids]));

    private TrackerResult Step(
        Func<ApplicationState, (ApplicationState State, ImmutableList<AppEvent> Events, ImmutableList<InstanceSpec> Specs, ImmutableList<string> Pruned)> change)
    {
        Now = Now.AddSeconds(1);
        var previous = State;
        var (next, events, specs, pruned) = change(previous);
        State = next with { Status = next.Status with { LastChangeAt = Now } };
        return new TrackerResult(previous, State, events, specs, pruned);
    }
}
