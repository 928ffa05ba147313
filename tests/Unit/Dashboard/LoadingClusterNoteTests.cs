using Bunit;
using Cmf.Core.Kubernetes;
using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

/// <summary>While the first lists are being stored the pages answer, with a note that the cluster is still loading.</summary>
public sealed class LoadingClusterNoteTests : DashboardTestContext
{
    private const string Note = ".loading-cluster-note";

    [Fact]
    public void The_note_shows_while_a_first_list_is_not_stored_and_goes_once_every_one_is()
    {
        var health = WatchesListing("FlinkDeployment/*", "JobManagerDeployment/*");
        Services.AddSingleton(health);

        var cut = Render<LoadingClusterNote>();
        Assert.Contains("Still loading the cluster", cut.Find(Note).TextContent, StringComparison.Ordinal);
        Assert.Equal("status", cut.Find(Note).GetAttribute("role"));

        health.MarkListCommitted("FlinkDeployment/*");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(Note)));

        health.MarkListCommitted("JobManagerDeployment/*");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(Note)));
    }

    [Fact]
    public void The_main_layout_shows_the_note_above_the_page_while_loading()
    {
        Services.AddSingleton(WatchesListing("FlinkDeployment/*"));

        var cut = Render<MainLayout>(p => p.Add(c => c.Body, builder => builder.AddMarkupContent(0, "<h1>Applications</h1>")));

        Assert.NotNull(cut.Find(Note));
        Assert.Equal("Applications", cut.Find("h1").TextContent);
    }

    [Fact]
    public void A_ready_dashboard_shows_no_note()
    {
        var cut = Render<LoadingClusterNote>();

        Assert.Empty(cut.FindAll(Note));
    }

    [Fact]
    public void A_follower_waits_for_no_list_of_its_own_and_shows_no_note()
    {
        Services.AddSingleton(WatchesListing("FlinkDeployment/*"));
        var leadership = new Leadership("replica-b", elected: true);
        Services.AddSingleton(leadership);

        var cut = Render<LoadingClusterNote>();

        Assert.Equal(LeadershipRole.Follower, leadership.Role);
        Assert.Empty(cut.FindAll(Note));
    }

    private static WatchHealth WatchesListing(params string[] names)
    {
        var health = new WatchHealth();
        foreach (var name in names)
        {
            health.Register(name);
        }
        return health;
    }
}
