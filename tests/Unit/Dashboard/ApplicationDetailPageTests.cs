using Cmf.Dashboard.Model;
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
    private static string FirstMinutes => $"?from={UtcTimeText.Of(TrackerScenario.Start)}&to={UtcTimeText.Of(TrackerScenario.Start.AddMinutes(3))}";

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

        Assert.Contains("instance-timeline__instance--no-cluster", InstanceBar(cut, app.InstanceUid(2)).ClassList);
        var ran = cut.FindAll(".instance-timeline__cluster > title").Select(t => t.TextContent.Split('\n')[1]);
        Assert.Equal([$"Ran: instance #1 ({app.InstanceUid(1)})"], ran);
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

        var range = PageQuery.ApplicationView(CurrentUrl).Window.Between;
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
        Assert.Equal("FINISHED (stopped with a savepoint for an upgrade)", rows[1].QuerySelector(".state-chip")!.TextContent.Trim());
        Assert.Equal(["current", "stopped with a savepoint for an upgrade"], rows.Select(r => r.QuerySelector(".instance-badge")!.TextContent));
    }

    [Fact]
    public async Task The_instances_tab_shows_a_blocked_upgrade_as_pending_with_no_cluster_yet()
    {
        var app = Seed();
        await app.FailingSavepointAsync(failures: 3);

        var cut = RenderApplication(app, "?tab=instances");

        var second = cut.Find($".instance-table__row[data-instance='{app.InstanceUid(2)}']");
        Assert.Equal("none", second.QuerySelector(".instance-table__clusters")!.TextContent.Trim());
        Assert.StartsWith("pending, upgrade blocked: Savepoint Error (seen 3 times since ", second.QuerySelector(".instance-badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_revert_the_blocked_instance_was_never_deployed_and_nothing_is_pending()
    {
        var app = Seed();
        await app.RevertAfterFailingSavepointAsync();

        var cut = RenderApplication(app, "?tab=instances");

        var outcomes = cut.FindAll(".instance-table__row").Select(r => r.QuerySelector(".instance-badge")!.TextContent);
        Assert.Equal(["reverted to #1's spec; #1 keeps running", "never deployed", "current"], outcomes);
        Assert.Empty(cut.FindAll(".instance-badge--pending"));
        Assert.Equal("#1", Fact(cut, "Current instance"));
    }

    [Fact]
    public async Task An_in_place_change_shows_the_cluster_on_both_instances_with_the_hand_over()
    {
        var app = Seed();
        await app.InPlaceChangeAsync();
        var c1 = app.ClusterUid("C1")[..8];

        var cut = RenderApplication(app, "?tab=instances");

        var rows = cut.FindAll(".instance-table__row");
        Assert.Equal([$"{c1} (from #1, live)", $"{c1} (to #2)"], rows.Select(r => r.QuerySelector(".instance-table__clusters")!.TextContent.Trim()));
        Assert.Equal(["current", "superseded in place by #2"], rows.Select(r => r.QuerySelector(".instance-badge")!.TextContent));
    }

    [Fact]
    public async Task An_in_place_change_draws_one_cluster_bar_in_two_segments()
    {
        var app = Seed();
        await app.InPlaceChangeAsync();

        var cut = RenderApplication(app, FirstMinutes);

        var segments = cut.FindAll($".instance-timeline__cluster[data-cluster='{app.ClusterUid("C1")}']");
        Assert.Equal([app.InstanceUid(1), app.InstanceUid(2)], segments.Select(s => s.GetAttribute("data-instance")));
        Assert.Contains($"Handed over in place from #1 to #2 at {Cmf.Dashboard.Model.RelativeTimeText.Iso(app.State.Clusters[0].Segments[1].From)}",
            segments[1].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
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
    public async Task A_savepoint_that_keeps_failing_is_one_counted_event()
    {
        var app = Seed();
        await app.FailingSavepointAsync(failures: 4);

        var cut = RenderApplication(app, "?tab=events");

        var errors = cut.FindAll(".event-table__message").Where(m => m.TextContent.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith($"Error: {StatusChanges.SavepointError} × 4, last ", error.TextContent, StringComparison.Ordinal);
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
