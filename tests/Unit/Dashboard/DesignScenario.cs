using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// DESIGN 3.3 as view models, shaped as the tracker records them (Tracking/DesignScenarioTests): the
/// savepoint upgrade, a blocked upgrade, its revert, an in-place hand-over, a rollback and a savepoint suspend.
/// </summary>
internal static class DesignScenario
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public const string SavepointError = """{"type":"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException","message":"Savepoint Error"}""";

    /// <summary>The FlinkDeployment object every instance of the scenario belongs to.</summary>
    public const string ObjectUid = "f1d2e3c4-0000-0000-0000-000000000000";

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    /// <summary>
    /// Instance #<paramref name="sequence"/> with spec <paramref name="spec"/> (v1 unless told), reconciled by the operator
    /// at once unless <paramref name="reconciledAt"/> says when or <paramref name="neverReconciled"/> says it never was.
    /// </summary>
    public static InstanceState Instance(
        int sequence, int createdAt, int? endedAt = null, JobState? state = null, bool stoppedForUpgrade = false,
        int? supersededAt = null, string? spec = null, int? reconciledAt = null, bool neverReconciled = false) => new()
    {
        Uid = $"00000000-0000-0000-0000-00000000000{sequence}",
        Sequence = sequence,
        ObjectUid = ObjectUid,
        Generation = sequence,
        SpecHash = "hash-of-" + (spec ?? $"v{sequence}"),
        CreatedAt = At(createdAt),
        SupersededAt = supersededAt is { } superseded ? At(superseded) : endedAt is { } end ? At(end) : null,
        EndedAt = endedAt is { } ended ? At(ended) : null,
        ReconciledAt = neverReconciled ? null : At(reconciledAt ?? createdAt),
        JobState = state,
        Stop = stoppedForUpgrade ? InstanceStop.Upgrade : InstanceStop.None,
        StopSavepointPath = stoppedForUpgrade ? $"s3://savepoints/savepoint-{sequence}" : null,
    };

    public static ClusterState Cluster(string uid, InstanceState owner, int startedAt, int? endedAt = null, bool approximate = false) => new()
    {
        Uid = uid,
        Name = "orders",
        OwnerInstanceUid = owner.Uid,
        StartedAt = At(startedAt),
        Segments = [new ClusterSegment(owner.Uid, At(startedAt))],
        OwnerSource = ClusterOwnerSource.GenerationAnnotation,
        EndedAt = endedAt is { } end ? At(end) : null,
        EndIsApproximate = approximate,
    };

    /// <summary>The cluster handed over in place to <paramref name="newer"/> at <paramref name="minutes"/> (DESIGN 3.2 rule 3).</summary>
    public static ClusterState HandedOver(this ClusterState cluster, InstanceState newer, int minutes) => cluster with
    {
        OwnerInstanceUid = newer.Uid,
        Segments = [.. cluster.Segments, new ClusterSegment(newer.Uid, At(minutes))],
    };

    /// <summary>Steps 1-2: #2 is created at 60 while C1 takes a savepoint until 65; C2 runs #2 from 66.</summary>
    public static Scenario SavepointUpgrade()
    {
        var first = Instance(1, 0, endedAt: 65, JobState.Finished, stoppedForUpgrade: true, supersededAt: 60);
        var second = Instance(2, 60, state: JobState.Running, reconciledAt: 62);
        return new Scenario(
            [first, second],
            [Cluster("c1-uid", first, 1, endedAt: 65), Cluster("c2-uid", second, 66)],
            Current: second,
            Now: At(120));
    }

    /// <summary>Step 3: #2 is created at 60 and its savepoint keeps failing (three times since 61); C1 keeps running #1.</summary>
    public static Scenario BlockedUpgrade()
    {
        var first = Instance(1, 0, state: JobState.Running, supersededAt: 60);
        var second = Instance(2, 60, neverReconciled: true);
        return new Scenario([first, second], [Cluster("c1-uid", first, 1)], Current: first, Now: At(120))
        {
            Pending = second,
            ErrorEpisode = new ErrorEpisode { Message = SavepointError, PendingInstanceUid = second.Uid, FirstSeen = At(61), LastSeen = At(110), Count = 3 },
        };
    }

    /// <summary>Steps 3-4: the savepoint keeps failing, #2 never gets a cluster, the spec is reverted to v1 as #3 at 120.</summary>
    public static Scenario FailingSavepointThenRevert()
    {
        var first = Instance(1, 0, state: JobState.Running, supersededAt: 60);
        var second = Instance(2, 60, endedAt: 120, neverReconciled: true);
        var third = Instance(3, 120, spec: "v1", reconciledAt: 121);
        return new Scenario(
            [first, second, third],
            [Cluster("c1-uid", first, 1)],
            Current: first,
            Now: At(180));
    }

    /// <summary>Scenario 8: an upgradeMode change (#2, at 60) is applied in place; C1 now runs #2.</summary>
    public static Scenario InPlaceHandOver()
    {
        var first = Instance(1, 0, endedAt: 60, state: JobState.Running);
        var second = Instance(2, 60, state: JobState.Running);
        return new Scenario([first, second], [Cluster("c1-uid", first, 1).HandedOver(second, 60)], Current: second, Now: At(120));
    }

    internal sealed record Scenario(
        IReadOnlyList<InstanceState> Instances,
        IReadOnlyList<ClusterState> Clusters,
        InstanceState? Current,
        DateTimeOffset Now)
    {
        public InstanceState? Pending { get; init; }

        public ErrorEpisode? ErrorEpisode { get; init; }

        public ApplicationHistory History => new(Instances, Clusters, Current?.Uid, Pending?.Uid, ErrorEpisode);

        public InstanceState InstanceNumber(int sequence) => Instances.Single(i => i.Sequence == sequence);

        public string OutcomeOf(int sequence) => InstanceOutcome.For(InstanceNumber(sequence), History, Now).Text;

        public TimelineRange FitRange() =>
            TimelineWindow.Fit.Resolve(Instances.Select(i => i.CreatedAt).Concat(Clusters.Select(c => c.StartedAt)), Now);

        public TimelineLayout Layout(TimelineRange? range = null, double width = 1000) =>
            TimelineLayout.Compute(Instances, Clusters, Current?.Uid, range ?? FitRange(), Now, width);
    }
}
