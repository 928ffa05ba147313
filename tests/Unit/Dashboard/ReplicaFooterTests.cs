using Bunit;
using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

public sealed class ReplicaFooterTests : DashboardTestContext
{
    [Fact]
    public void A_single_replica_shows_no_footer()
    {
        var cut = Render<ReplicaFooter>();

        Assert.Empty(cut.FindAll("footer"));
    }

    [Fact]
    public void A_follower_names_itself_and_the_leader_and_follows_a_change_of_leader_live()
    {
        var leadership = new Leadership("replica-a", elected: true);
        Services.AddSingleton(leadership);
        leadership.ObservedLeader("replica-b");
        var cut = Render<ReplicaFooter>();
        Assert.Equal("Served by replica-a · leader replica-b", Text(cut));

        leadership.StartedLeading();

        cut.WaitForAssertion(() => Assert.Equal("Served by replica-a · this replica leads", Text(cut)));
    }

    [Fact]
    public void Before_any_leader_is_observed_the_footer_says_so()
    {
        Services.AddSingleton(new Leadership("replica-a", elected: true));

        var cut = Render<ReplicaFooter>();

        Assert.Equal("Served by replica-a · no leader elected yet", Text(cut));
    }

    private static string Text(IRenderedComponent<ReplicaFooter> cut) =>
        string.Join(' ', cut.Find("footer").TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
