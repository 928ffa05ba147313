using Cmf.Core.Tracking;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class ClusterStintTests
{
    [Fact]
    public void A_cluster_handed_over_in_place_has_a_stint_per_instance_that_meet_at_the_hand_over()
    {
        var scenario = InPlaceHandOver();

        var stints = ClusterStint.Of(scenario.Clusters[0]);

        Assert.Equal([(At(1), (DateTimeOffset?)At(60)), (At(60), null)], stints.Select(s => (s.From, s.Until)));
        Assert.Equal((scenario.InstanceNumber(2).Uid, scenario.InstanceNumber(1).Uid), (stints[0].HandedOverTo, stints[1].HandedOverFrom));
    }

    [Fact]
    public void A_cluster_read_without_segments_ran_its_owner_from_its_start_to_its_end()
    {
        var cluster = Cluster("c1-uid", Instance(1, 0), 1, endedAt: 30) with { Segments = [] };

        var stint = Assert.Single(ClusterStint.Of(cluster));

        Assert.Equal((cluster.OwnerInstanceUid, At(1), (DateTimeOffset?)At(30)), (stint.InstanceUid, stint.From, stint.Until));
    }

    [Fact]
    public void The_time_an_instance_ran_spans_its_stints_and_is_open_while_one_runs()
    {
        var first = Instance(1, 0);
        var stints = ClusterStint.OfInstance(first.Uid, [Cluster("c1-uid", first, 1, endedAt: 30), Cluster("c2-uid", first, 40)]);

        Assert.Equal((At(1), (DateTimeOffset?)null), ClusterStint.Span(stints));
        Assert.Null(ClusterStint.Span([]));
    }
}
