using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceRowTests
{
    private static IReadOnlyList<InstanceRow> Rows(Scenario scenario, IReadOnlyList<InstanceState>? page = null) =>
        InstanceRow.For(page ?? scenario.Instances, scenario.History, scenario.Now);

    [Fact]
    public void Each_row_gets_the_clusters_its_instance_ran_on()
    {
        var rows = Rows(SavepointUpgrade());

        Assert.Equal(["c1-uid"], rows[0].Stints.Select(s => s.Cluster.Uid));
        Assert.Equal(["c2-uid"], rows[1].Stints.Select(s => s.Cluster.Uid));
    }

    [Fact]
    public void A_cluster_handed_over_in_place_is_on_the_rows_of_both_instances()
    {
        var rows = Rows(InPlaceHandOver());

        var (first, second) = (rows[0].Stints.Single(), rows[1].Stints.Single());
        Assert.Equal(("c1-uid", "c1-uid"), (first.Cluster.Uid, second.Cluster.Uid));
        Assert.Equal((null, InPlaceHandOver().InstanceNumber(2).Uid), (first.HandedOverFrom, first.HandedOverTo));
        Assert.Equal(At(60), second.From);
    }

    [Fact]
    public void Each_row_says_what_became_of_its_instance()
    {
        Assert.Equal(["current", "never deployed", "reverted to #1's spec; #1 keeps running"], Rows(FailingSavepointThenRevert()).Select(r => r.Outcome.Text));
    }

    [Fact]
    public void An_instance_that_never_got_a_cluster_has_none()
    {
        Assert.Empty(Rows(FailingSavepointThenRevert()).Single(r => r.Instance.Sequence == 2).Stints);
    }

    [Fact]
    public void The_first_row_of_a_later_page_still_knows_the_instance_before_it()
    {
        var scenario = FailingSavepointThenRevert();

        var row = Assert.Single(Rows(scenario, [scenario.InstanceNumber(2)]));

        Assert.Equal(new Cmf.Core.Storage.Views.InstanceReference(scenario.InstanceNumber(1).Uid, 1), row.Previous);
    }

    [Fact]
    public void The_first_instance_has_nothing_before_it()
    {
        Assert.Null(Rows(SavepointUpgrade()).Single(r => r.Instance.Sequence == 1).Previous);
    }
}
