using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceRowTests
{
    [Fact]
    public void Each_row_gets_the_clusters_its_instance_owned()
    {
        var scenario = SavepointUpgrade();

        var rows = InstanceRow.For(scenario.Instances, scenario.Instances, scenario.Clusters);

        Assert.Equal(["c1-uid"], rows[0].Clusters.Select(c => c.Uid));
        Assert.Equal(["c2-uid"], rows[1].Clusters.Select(c => c.Uid));
    }

    [Fact]
    public void An_instance_that_never_got_a_cluster_has_none()
    {
        var scenario = FailingSavepointThenRevert();

        var rows = InstanceRow.For(scenario.Instances, scenario.Instances, scenario.Clusters);

        Assert.Empty(rows.Single(r => r.Instance.Sequence == 2).Clusters);
    }

    [Fact]
    public void The_first_row_of_a_later_page_still_knows_the_instance_before_it()
    {
        var scenario = FailingSavepointThenRevert();
        var secondPage = new[] { scenario.InstanceNumber(2) };

        var row = Assert.Single(InstanceRow.For(secondPage, scenario.Instances, scenario.Clusters));

        Assert.Equal(new InstanceRef(scenario.InstanceNumber(1).Uid, 1), row.Previous);
    }

    [Fact]
    public void The_first_instance_has_nothing_before_it()
    {
        var scenario = SavepointUpgrade();

        var rows = InstanceRow.For(scenario.Instances, scenario.Instances, scenario.Clusters);

        Assert.Null(rows.Single(r => r.Instance.Sequence == 1).Previous);
    }
}
