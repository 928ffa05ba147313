using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Cmf.Core.Model;
using Cmf.Dashboard;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Dashboard;

public sealed class ApplicationDetailPageTests : PageTestContext
{
    private IRenderedComponent<ApplicationDetail> RenderApplication(SeededApplication app, string query = "") =>
        RenderApplicationPage<ApplicationDetail>(app.Key, query);

    private static IElement InstanceBar(IRenderedComponent<ApplicationDetail> cut, string uid) =>
        cut.Find($".instance-timeline__instance[data-instance='{uid}']");

    private static (double Start, double End) Span(IElement bar)
    {
        var rect = bar.QuerySelector("rect")!;
        var x = double.Parse(rect.GetAttribute("x")!, CultureInfo.InvariantCulture);
        return (x, x + double.Parse(rect.GetAttribute("width")!, CultureInfo.InvariantCulture));
    }

    private static string Fact(IRenderedComponent<ApplicationDetail> cut, string term) =>
        cut.FindAll(".application-header__facts div").Single(d => d.QuerySelector("dt")!.TextContent == term).QuerySelector("dd")!.TextContent.Trim();

    /// <summary>The first three minutes of the tracker scenario, where DESIGN 3.3 plays out ten seconds a step.</summary>
    private static string FirstMinutes => $"?from={DashboardUrls.FormatTime(TrackerScenario.Start)}&to={DashboardUrls.FormatTime(TrackerScenario.Start.AddMinutes(3))}";

    [Fact]
    public void An_unknown_application_gets_a_not_found_page()
    {
        var cut = RenderApplicationPage<ApplicationDetail>(new ApplicationKey("prod", "ghost"));

        Assert.Equal("Application not found", cut.Find("h1").TextContent);
        Assert.Contains("ghost", cut.Find(".missing-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_shows_the_live_status_and_the_current_instance()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderApplication(app);

        Assert.Equal("orders", cut.Find(".application-header__name").TextContent);
        Assert.Equal("#2", Fact(cut, "Current instance"));
    }

    [Fact]
    public async Task During_a_savepoint_upgrade_the_bars_of_instances_one_and_two_overlap()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderApplication(app, FirstMinutes);

        var first = Span(InstanceBar(cut, app.InstanceUid(1)));
        var second = Span(InstanceBar(cut, app.InstanceUid(2)));
        Assert.True(second.Start < first.End, $"#2 starts at {second.Start}, #1 ends at {first.End}");
        Assert.True(first.Start < second.Start);
    }

    [Fact]
    public async Task After_the_upgrade_the_timeline_marks_instance_two_current()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderApplication(app, FirstMinutes);

        var current = Assert.Single(cut.FindAll(".instance-timeline__instance--current"));
        Assert.Equal(app.InstanceUid(2), current.GetAttribute("data-instance"));
    }

    [Fact]
    public async Task When_the_savepoint_keeps_failing_instance_two_has_no_cluster()
    {
        var app = Seed();
        await app.FailingSavepointAsync();

        var cut = RenderApplication(app, FirstMinutes);

        Assert.Contains("instance-timeline__instance--never-deployed", InstanceBar(cut, app.InstanceUid(2)).ClassList);
        var owners = cut.FindAll(".instance-timeline__cluster title").Select(t => t.TextContent.Split('\n')[1]);
        Assert.Equal([$"Owner: instance #1 ({app.InstanceUid(1)})"], owners);
    }

    [Fact]
    public async Task The_time_range_in_the_url_is_the_range_drawn()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderApplication(app, FirstMinutes);

        Assert.Equal("Mar 1 12:00 – Mar 1 12:03 UTC", cut.Find(".instance-timeline__range").TextContent);
    }

    [Fact]
    public async Task Zooming_the_timeline_puts_the_new_range_in_the_url()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var cut = RenderApplication(app, FirstMinutes);

        cut.Find("button[aria-label='Zoom in']").Click();

        var range = DashboardUrls.ParseApplicationView(CurrentUrl).Window.Between;
        Assert.StartsWith("/environments/prod/applications/orders?", CurrentUrl, StringComparison.Ordinal);
        Assert.Equal((TrackerScenario.Start.AddSeconds(45), TrackerScenario.Start.AddSeconds(135)), (range?.From, range?.To));
    }

    [Fact]
    public async Task Choosing_a_tab_shows_it_and_puts_it_in_the_url()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var cut = RenderApplication(app);

        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Events").Click();

        Assert.Equal("/environments/prod/applications/orders?tab=events", CurrentUrl);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".event-table__row")), LiveTimeout);
        Assert.Empty(cut.FindAll(".instance-timeline"));
    }

    [Fact]
    public async Task The_instances_tab_lists_instances_newest_first_with_their_clusters()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderApplication(app, "?tab=instances");

        var rows = cut.FindAll(".instance-table__row");
        Assert.Equal([app.InstanceUid(2), app.InstanceUid(1)], rows.Select(r => r.GetAttribute("data-instance")));
        Assert.Contains(app.ClusterUid("C2")[..8], rows[0].QuerySelector(".instance-table__clusters")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("FINISHED (stopped for upgrade)", rows[1].QuerySelector(".state-chip")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_instances_tab_shows_a_blocked_upgrade_as_pending_and_never_deployed()
    {
        var app = Seed();
        await app.FailingSavepointAsync();

        var cut = RenderApplication(app, "?tab=instances");

        var second = cut.Find($".instance-table__row[data-instance='{app.InstanceUid(2)}']");
        Assert.Equal("never deployed", second.QuerySelector(".instance-table__clusters")!.TextContent.Trim());
        Assert.Equal("pending, upgrade blocked: Savepoint failed", second.QuerySelector(".instance-badge")!.TextContent);
    }

    [Fact]
    public async Task An_instance_row_links_to_the_diff_with_the_instance_before_it()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderApplication(app, "?tab=instances");

        var diff = cut.Find($".instance-table__row[data-instance='{app.InstanceUid(2)}'] .instance-table__diff");
        Assert.Equal($"/environments/prod/applications/orders/diff?from={app.InstanceUid(1)}&to={app.InstanceUid(2)}", diff.GetAttribute("href"));
    }

    [Fact]
    public async Task The_events_tab_lists_events_newest_first_with_their_instance()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderApplication(app, "?tab=events");

        var first = cut.FindAll(".event-table__row")[0];
        Assert.Equal("Job RUNNING on instance #1", first.QuerySelector(".event-table__message")!.TextContent);
        Assert.Equal("#1", first.QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task The_spec_tab_shows_the_current_instances_effective_spec_with_secrets_masked()
    {
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders(password: "hunter2"));

        var cut = RenderApplication(app, "?tab=spec");

        var spec = cut.Find(".spec-view").TextContent;
        Assert.Contains("s3.secret-key: ******", spec, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<sealed:", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_instance_appears_in_the_open_page_without_reload()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var cut = RenderApplication(app);

        Publish(await app.SpecAsync("v2"));

        cut.WaitForAssertion(() => Assert.StartsWith("#2", Fact(cut, "Latest instance"), StringComparison.Ordinal), LiveTimeout);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($".instance-timeline__instance[data-instance='{app.InstanceUid(2)}']")), LiveTimeout);
    }

    [Fact]
    public async Task The_current_instance_switches_in_the_open_page_when_the_new_cluster_comes()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        await app.StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        await app.ClusterEndedAsync("C1");
        var cut = RenderApplication(app);
        Assert.Equal("none (no live cluster)", Fact(cut, "Current instance"));

        Publish(await app.ClusterStartedAsync("C2"));

        cut.WaitForAssertion(() => Assert.Equal("#2", Fact(cut, "Current instance")), LiveTimeout);
    }

    [Fact]
    public async Task A_job_state_change_reaches_the_open_header()
    {
        var app = Seed();
        await app.SpecAsync("v1");
        await app.ClusterStartedAsync("C1");
        var cut = RenderApplication(app);

        Publish(await app.RunningAsync());

        cut.WaitForAssertion(() => Assert.Equal("RUNNING", cut.Find(".application-header__title-row .state-chip").TextContent.Trim()), LiveTimeout);
    }

    [Fact]
    public async Task Opening_another_application_replaces_the_subscription()
    {
        var orders = Seed("prod", "orders");
        await orders.DeployedAndRunningAsync();
        var payments = Seed("prod", "payments");
        await payments.DeployedAndRunningAsync();
        var cut = RenderApplication(orders);

        cut.Render(p => p.Add(c => c.Application, "payments"));

        cut.WaitForAssertion(() => Assert.Equal("payments", cut.Find(".application-header__name").TextContent), LiveTimeout);
        Assert.Equal(1, Feed.SubscriberCount);
    }

    [Fact]
    public async Task Leaving_the_page_ends_its_subscription()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var cut = RenderApplication(app);

        await cut.Instance.DisposeAsync();

        Assert.Equal(0, Feed.SubscriberCount);
    }
}
