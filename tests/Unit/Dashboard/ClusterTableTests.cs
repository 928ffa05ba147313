using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class ClusterTableTests : DashboardTestContext
{
    private static ClusterSummary Cluster(DateTimeOffset? endedAt, bool approximate = false) => new()
    {
        Uid = "b842af9a-d2f4-41ee-bb95-4bca486fcecd",
        OwnerInstanceUid = "owner",
        StartedAt = Now.AddHours(-3),
        EndedAt = endedAt,
        EndIsApproximate = approximate,
        Generation = 2,
        DeploymentType = "flink-native-kubernetes",
        OwnerReason = "by the Deployment's generation annotation",
    };

    private IRenderedComponent<ClusterTable> RenderClusters(params ClusterSummary[] clusters) =>
        Render<ClusterTable>(p => p.Add(c => c.Clusters, clusters));

    [Fact]
    public void A_running_cluster_has_no_end()
    {
        var cells = RenderClusters(Cluster(endedAt: null)).FindAll("tbody td").Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal(["running", "2", "flink-native-kubernetes", "by the Deployment's generation annotation"], cells[2..]);
    }

    [Fact]
    public void An_end_that_was_not_watched_says_it_is_approximate()
    {
        var cut = RenderClusters(Cluster(endedAt: Now.AddHours(-1), approximate: true));

        Assert.Equal("(approximate)", cut.Find(".cluster-table__approximate").TextContent.Trim());
    }

    [Fact]
    public void No_cluster_means_never_deployed()
    {
        Assert.Equal("Never deployed", RenderClusters().Find(".empty-state__title").TextContent);
    }
}
