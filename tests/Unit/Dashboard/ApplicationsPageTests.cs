using AngleSharp.Dom;
using Bunit;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.Tracking;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

public sealed class ApplicationsPageTests : PageTestContext
{
    private IRenderedComponent<Applications> RenderList(string url = "/applications") => RenderAt<Applications>(url);

    private static IReadOnlyList<string> Names(IRenderedComponent<Applications> cut) =>
        [.. cut.FindAll(".application-table__name").Select(cell => cell.TextContent.Trim())];

    private static IElement Row(IRenderedComponent<Applications> cut, string name) =>
        cut.FindAll(".application-table__row").Single(row => row.QuerySelector(".application-table__name")!.TextContent.Trim() == name);

    private async Task SeedRunningAsync(string environment, string name)
    {
        await Seed(environment, name).DeployedAndRunningAsync();
    }

    [Fact]
    public async Task A_row_shows_environment_name_states_and_the_current_instance()
    {
        await SeedRunningAsync("prod", "orders");

        var row = Row(RenderList(), "orders");

        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("prod", cells[0]);
        Assert.Equal("RUNNING", cells[2]);
        Assert.Equal("STABLE", cells[3]);
        Assert.Equal("#1", cells[4]);
        Assert.Contains("current", cells[5], StringComparison.Ordinal);
        Assert.Equal("1", cells[6]);
        Assert.Equal("v1_20", cells[8]);
        Assert.Equal("savepoint", cells[9]);
    }

    [Fact]
    public async Task A_blocked_upgrade_shows_the_latest_instance_as_pending_with_its_error_and_how_often_it_was_retried()
    {
        var app = Seed("prod", "payments");
        await app.FailingSavepointAsync(failures: 3);

        var latest = Row(RenderList(), "payments").QuerySelectorAll("td")[5];

        Assert.StartsWith("#2", latest.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"pending, upgrade blocked: Savepoint Error (seen 3 times since {TimeOfDay(app.State.ErrorEpisode!.FirstSeen)})",
            latest.QuerySelector(".instance-badge")!.TextContent);
    }

    [Fact]
    public async Task A_blocked_upgrade_stays_named_while_the_operator_has_cleared_the_error_between_retries()
    {
        var app = Seed("prod", "payments");
        await app.FailingSavepointAsync(failures: 2);
        await app.StatusAsync(StatusChanges.ErrorCleared());

        var latest = Row(RenderList(), "payments").QuerySelectorAll("td")[5];

        Assert.StartsWith("pending, upgrade blocked: Savepoint Error (seen 2 times", latest.QuerySelector(".instance-badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_revert_to_the_running_spec_nothing_is_pending_and_the_older_instance_stays_current()
    {
        var app = Seed("prod", "payments");
        await app.RevertAfterFailingSavepointAsync();

        var cells = Row(RenderList(), "payments").QuerySelectorAll("td");

        Assert.Equal("#1", cells[4].TextContent.Trim());
        Assert.Equal("#3", cells[5].TextContent.Trim());
        Assert.Null(cells[5].QuerySelector(".instance-badge"));
    }

    [Fact]
    public async Task A_job_the_operator_stopped_for_an_upgrade_reads_so_in_the_list()
    {
        var app = Seed("prod", "orders");
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        await app.StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));

        var jobState = Row(RenderList(), "orders").QuerySelectorAll("td")[2];

        Assert.Equal("FINISHED (stopped for an upgrade)", jobState.TextContent.Trim());
    }

    [Fact]
    public async Task The_environment_in_the_url_keeps_only_that_environments_applications()
    {
        await SeedRunningAsync("prod", "orders");
        await SeedRunningAsync("staging", "orders-test");

        var cut = RenderList("/applications?environment=staging");

        Assert.Equal(["orders-test"], Names(cut));
    }

    [Fact]
    public async Task Choosing_an_environment_in_the_open_list_keeps_only_that_environments_applications()
    {
        await SeedRunningAsync("prod", "orders");
        await SeedRunningAsync("staging", "orders-test");
        var cut = RenderList();

        // What the toolbar does: the same page at a new address, with no new parameters from the router.
        await cut.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("/applications?environment=staging"));

        cut.WaitForAssertion(() => Assert.Equal(["orders-test"], Names(cut)), LiveTimeout);
    }

    [Fact]
    public async Task The_job_state_in_the_url_keeps_only_applications_in_that_state()
    {
        await SeedRunningAsync("prod", "orders");
        await Seed("prod", "waiting").SpecAsync("v1");

        var cut = RenderList("/applications?state=RUNNING");

        Assert.Equal(["orders"], Names(cut));
    }

    [Fact]
    public async Task The_search_in_the_url_matches_part_of_a_name()
    {
        await SeedRunningAsync("prod", "orders-enrichment");
        await SeedRunningAsync("prod", "payments");

        var cut = RenderList("/applications?search=ENRICH");

        Assert.Equal(["orders-enrichment"], Names(cut));
    }

    [Fact]
    public async Task The_sort_in_the_url_orders_the_rows()
    {
        await SeedRunningAsync("prod", "alpha");
        var busy = Seed("prod", "beta");
        await busy.DeployedAndRunningAsync();
        await busy.SpecAsync("v2");
        await SeedRunningAsync("prod", "gamma");

        var cut = RenderList("/applications?sort=instances&desc=1");

        Assert.Equal("beta", Names(cut)[0]);
    }

    [Fact]
    public async Task Names_sort_descending_from_the_url()
    {
        await SeedRunningAsync("prod", "alpha");
        await SeedRunningAsync("prod", "beta");

        var cut = RenderList("/applications?desc=1");

        Assert.Equal(["beta", "alpha"], Names(cut));
    }

    [Fact]
    public async Task A_column_header_links_to_the_list_sorted_by_it_with_the_filters_kept()
    {
        await SeedRunningAsync("prod", "orders");

        var cut = RenderList("/applications?environment=prod&search=ord");

        var header = cut.FindAll("th a").Single(a => a.TextContent.StartsWith("Last change", StringComparison.Ordinal));
        Assert.Equal("/applications?environment=prod&search=ord&sort=last-change", header.GetAttribute("href"));
    }

    [Fact]
    public async Task The_sorted_column_says_so_to_assistive_technology()
    {
        await SeedRunningAsync("prod", "orders");

        var cut = RenderList("/applications?sort=job-state&desc=1");

        var sorted = Assert.Single(cut.FindAll("th[aria-sort='descending']"));
        Assert.StartsWith("Job state", sorted.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_page_in_the_url_shows_the_applications_after_the_first_fifty()
    {
        for (var i = 0; i < Applications.PageSize + 2; i++)
        {
            await Seed("prod", $"app-{i:000}").SpecAsync("v1");
        }

        var cut = RenderList("/applications?page=2");

        Assert.Equal(["app-050", "app-051"], Names(cut));
        Assert.Equal("52 applications", cut.Find(".applications__count").TextContent);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        await SeedRunningAsync("prod", "orders");

        var cut = RenderList("/applications?page=9");

        Assert.Equal(["orders"], Names(cut));
    }

    [Fact]
    public void An_empty_store_says_there_are_no_applications_yet()
    {
        var cut = RenderList();

        Assert.Equal("No applications yet", cut.Find(".empty-state__title").TextContent);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_offers_to_clear_it()
    {
        await SeedRunningAsync("prod", "orders");

        var cut = RenderList("/applications?search=nothing-like-this");

        Assert.Equal("No application matches these filters", cut.Find(".empty-state__title").TextContent);
        Assert.Equal("/applications", cut.Find(".empty-state a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_new_application_appears_in_the_open_list_without_reload()
    {
        await SeedRunningAsync("prod", "orders");
        var cut = RenderList();

        Publish(await Seed("prod", "payments").SpecAsync("v1"));

        cut.WaitForAssertion(() => Assert.Equal(["orders", "payments"], Names(cut)), LiveTimeout);
    }

    [Fact]
    public async Task A_job_state_change_reaches_the_open_list()
    {
        var app = Seed("prod", "orders");
        await app.SpecAsync("v1");
        await app.ClusterStartedAsync("C1");
        var cut = RenderList();

        Publish(await app.RunningAsync());

        cut.WaitForAssertion(() => Assert.Equal("RUNNING", Row(cut, "orders").QuerySelectorAll("td")[2].TextContent.Trim()), LiveTimeout);
    }

    [Fact]
    public async Task Leaving_the_list_ends_its_subscription()
    {
        await SeedRunningAsync("prod", "orders");
        var cut = RenderList();
        Assert.Equal(1, Feed.SubscriberCount);

        await cut.Instance.DisposeAsync();

        Assert.Equal(0, Feed.SubscriberCount);
    }

    [Fact]
    public async Task A_change_that_leaves_the_shown_page_as_it_was_does_not_render_it_again()
    {
        await SeedRunningAsync("prod", "orders");
        var cut = RenderList("/applications?environment=prod");
        var renders = cut.RenderCount;
        var reads = ApplicationPageReads;

        // An application the filter leaves out: the list reads its page again and finds it as it was.
        Publish(await Seed("staging", "orders").SpecAsync("v1"));
        // Nothing renders to wait on: wait for the read itself.
        await Eventually.TrueAsync(() => ApplicationPageReads > reads, "the list reads its page again", LiveTimeout);
        // One that is on the page: read after the first (the list follows changes one batch after the other), and shown.
        Publish(await Seed("prod", "payments").SpecAsync("v1"));
        cut.WaitForAssertion(() => Assert.Equal(["orders", "payments"], Names(cut)), LiveTimeout);

        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public async Task A_change_to_the_rows_leaves_the_toolbar_unrendered()
    {
        await SeedRunningAsync("prod", "orders");
        var cut = RenderList("/applications?environment=prod");
        var toolbar = cut.FindComponent<ApplicationListToolbar>();
        var toolbarRenders = toolbar.RenderCount;

        Publish(await Seed("prod", "payments").SpecAsync("v1"));
        cut.WaitForAssertion(() => Assert.Equal(["orders", "payments"], Names(cut)), LiveTimeout);

        Assert.Equal(toolbarRenders, toolbar.RenderCount);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_application_name_is_shown_as_text(string name)
    {
        await Seed("prod", name).SpecAsync("v1");

        var cut = RenderList();

        Assert.Equal([name], Names(cut));
        Assert.Empty(cut.FindAll(".application-table script, .application-table img"));
    }

    public static TheoryData<string> HostileNames => HostileText.All;

    private static string TimeOfDay(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
