using Bunit;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class ClusterTableTests : DashboardTestContext
{
    private static readonly InstanceState First = Instance(1);
    private static readonly InstanceState Second = Instance(2);
    private static readonly InstanceState Third = Instance(3);

    private static InstanceState Instance(int sequence) =>
        new()
        {
            Uid = $"00000000-0000-0000-0000-00000000000{sequence}",
            Sequence = sequence,
            ObjectUid = "f1d2e3c4-0000-0000-0000-000000000000",
            Generation = sequence,
            SpecHash = $"hash-{sequence}",
            CreatedAt = Now.AddHours(-4 + sequence),
        };

    private static ClusterState Cluster(DateTimeOffset? endedAt, bool approximate = false, params InstanceState[] ran) => new()
    {
        Uid = "b842af9a-d2f4-41ee-bb95-4bca486fcecd",
        Name = "orders",
        OwnerInstanceUid = ran[^1].Uid,
        Segments = [.. ran.Select((instance, i) => new ClusterSegment(instance.Uid, Now.AddHours(-3 + i)))],
        StartedAt = Now.AddHours(-3),
        EndedAt = endedAt,
        EndIsApproximate = approximate,
        Generation = 2,
        DeploymentType = "flink-native-kubernetes",
        OwnerSource = ClusterOwnerSource.GenerationAnnotation,
    };

    private IRenderedComponent<ClusterTable> RenderStints(InstanceState instance, params ClusterState[] clusters) =>
        Render<ClusterTable>(p => p
            .Add(c => c.Stints, ClusterStint.OfInstance(instance.Uid, clusters))
            .Add(c => c.History, new ApplicationHistory([First, Second, Third], clusters, null, null, null)));

    private static List<string> Cells(IRenderedComponent<ClusterTable> cut) =>
        [.. cut.FindAll("tbody td").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    [Fact]
    public void A_running_cluster_ran_its_owner_from_its_start_and_still_does()
    {
        var cells = Cells(RenderStints(First, Cluster(endedAt: null, ran: First)));

        Assert.Equal(["from 3 h ago still running", "running", "2", "flink-native-kubernetes", "by the Deployment's generation annotation"], cells[1..]);
    }

    [Fact]
    public void A_cluster_handed_over_in_place_says_from_whom_and_to_whom()
    {
        var cluster = Cluster(endedAt: null, ran: [First, Second, Third]);

        var cells = Cells(RenderStints(Second, cluster));

        Assert.Equal("from 2 h ago (handed over in place from #1) until handed over in place to #3 1 h ago", cells[1]);
    }

    [Fact]
    public void The_instance_that_took_a_cluster_over_ran_it_from_the_hand_over()
    {
        var cells = Cells(RenderStints(Second, Cluster(endedAt: Now.AddMinutes(-5), ran: [First, Second])));

        Assert.Equal("from 2 h ago (handed over in place from #1) until the cluster ended", cells[1]);
    }

    [Fact]
    public void An_end_that_was_not_watched_says_it_is_approximate()
    {
        var cut = RenderStints(First, Cluster(endedAt: Now.AddHours(-1), approximate: true, ran: First));

        Assert.Equal("(approximate)", cut.Find(".cluster-table__approximate").TextContent.Trim());
    }

    [Fact]
    public void No_cluster_means_never_deployed_unless_told_otherwise()
    {
        Assert.Equal("Never deployed", RenderStints(First).Find(".empty-state__title").TextContent);
    }
}
