using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceAndClusterWordsTests
{
    [Fact]
    public void An_instance_is_named_by_its_number_in_its_application()
    {
        Assert.Equal("#12", Instance(12, 0).Label);
    }

    [Fact]
    public void A_cluster_says_in_words_why_its_owner_owns_it()
    {
        var cluster = Cluster("c", Instance(1, 0), 0) with { OwnerSource = ClusterOwnerSource.Rollback };

        Assert.Equal("runs lastStableSpec during a rollback", cluster.OwnerReason);
    }

    [Fact]
    public void Every_way_of_deciding_an_owner_has_its_own_words()
    {
        var reasons = Enum.GetValues<ClusterOwnerSource>().Select(ClusterOwnerReason.Of).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.Ordinal).Count());
    }
}
