using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

/// <summary>DESIGN 3.3 as view models: the savepoint upgrade, and the variant where the savepoint keeps failing.</summary>
internal static class DesignScenario
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static InstanceSummary Instance(int sequence, int createdAt, int? endedAt = null, JobState? state = null, bool stoppedForUpgrade = false) => new()
    {
        Uid = $"00000000-0000-0000-0000-00000000000{sequence}",
        Sequence = sequence,
        CreatedAt = At(createdAt),
        EndedAt = endedAt is { } end ? At(end) : null,
        JobState = state,
        Stop = stoppedForUpgrade ? InstanceStop.Upgrade : InstanceStop.None,
        StopSavepointPath = stoppedForUpgrade ? $"s3://savepoints/savepoint-{sequence}" : null,
    };

    public static ClusterSummary Cluster(string uid, InstanceSummary owner, int startedAt, int? endedAt = null, bool approximate = false) => new()
    {
        Uid = uid,
        OwnerInstanceUid = owner.Uid,
        StartedAt = At(startedAt),
        Segments = [new ClusterSegment(owner.Uid, At(startedAt))],
        EndedAt = endedAt is { } end ? At(end) : null,
        EndIsApproximate = approximate,
    };

    /// <summary>Steps 1-2: #2 is created at 60 while C1 takes a savepoint until 65; C2 runs #2 from 66.</summary>
    public static Scenario SavepointUpgrade()
    {
        var first = Instance(1, 0, endedAt: 65, JobState.Finished, stoppedForUpgrade: true);
        var second = Instance(2, 60, state: JobState.Running);
        return new Scenario(
            [first, second],
            [Cluster("c1-uid", first, 1, endedAt: 65), Cluster("c2-uid", second, 66)],
            Current: second,
            Now: At(120));
    }

    /// <summary>Steps 3-4: the savepoint keeps failing, #2 never gets a cluster, the spec is reverted as #3.</summary>
    public static Scenario FailingSavepointThenRevert()
    {
        var first = Instance(1, 0, state: JobState.Running);
        var second = Instance(2, 60, endedAt: 120);
        var third = Instance(3, 120);
        return new Scenario(
            [first, second, third],
            [Cluster("c1-uid", first, 1)],
            Current: first,
            Now: At(180));
    }

    internal sealed record Scenario(
        IReadOnlyList<InstanceSummary> Instances,
        IReadOnlyList<ClusterSummary> Clusters,
        InstanceSummary Current,
        DateTimeOffset Now)
    {
        public InstanceSummary InstanceNumber(int sequence) => Instances.Single(i => i.Sequence == sequence);

        public TimelineRange FitRange() =>
            TimelineWindow.Fit.Resolve(Instances.Select(i => i.CreatedAt).Concat(Clusters.Select(c => c.StartedAt)), Now);

        public TimelineLayout Layout(TimelineRange? range = null, double width = 1000) =>
            TimelineLayout.Compute(Instances, Clusters, Current.Uid, range ?? FitRange(), Now, width);
    }
}
