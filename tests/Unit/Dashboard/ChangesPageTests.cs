using AngleSharp.Dom;
using Bunit;
using Cmf.Dashboard.Components.Pages;

namespace Cmf.UnitTests.Dashboard;

/// <summary>The fleet-wide changes page against a real store: rows, filters in the URL, the way to a diff and back, live rows.</summary>
public sealed class ChangesPageTests : PageTestContext
{
    private IRenderedComponent<Changes> RenderChanges(string url = "/changes") => RenderAt<Changes>(url);

    private static IReadOnlyList<IElement> Rows(IRenderedComponent<Changes> cut) => cut.FindAll(".changes__row");

    private static IReadOnlyList<string> Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task A_row_shows_where_which_instance_what_changed_and_the_outcome_newest_first()
    {
        await Seed("prod", "orders").SavepointUpgradeAsync();

        var rows = Rows(RenderChanges());

        Assert.Equal(2, rows.Count);
        var cells = Cells(rows[0]);
        Assert.Equal("prod", cells[1]);
        Assert.Equal("orders", cells[2]);
        Assert.Equal("#2", cells[3]);
        Assert.Equal("job.label v1 -> v2", cells[5]);
        Assert.Equal("current", cells[7]);
        Assert.Equal("Diff with #1", cells[8]);
        Assert.Equal("first instance", Cells(rows[1])[5]);
    }

    [Fact]
    public async Task Who_and_the_operators_diff_type_say_when_they_are_not_recorded()
    {
        await Seed("prod", "orders").DeployedAndRunningAsync();

        var cells = Cells(Rows(RenderChanges())[0]);

        Assert.Equal("unknown", cells[4]);
        Assert.Equal("—", cells[6]);
    }

    [Fact]
    public async Task Filters_in_the_url_choose_the_rows_and_the_diff_link_leads_back_to_them()
    {
        var orders = Seed("prod", "orders");
        await orders.SavepointUpgradeAsync();
        await Seed("staging", "payments").SavepointUpgradeAsync();

        var cut = RenderChanges("/changes?environment=staging&field=other");

        Assert.All(Rows(cut), row => Assert.Equal("staging", Cells(row)[1]));
        var diff = cut.Find(".changes__diff").GetAttribute("href")!;
        Assert.StartsWith("/environments/staging/applications/payments/diff?from=", diff, StringComparison.Ordinal);
        Assert.EndsWith("&back=%2Fchanges%3Fenvironment%3Dstaging%26field%3Dother", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outcome_filter_finds_the_blocked_upgrade()
    {
        await Seed("prod", "orders").SavepointUpgradeAsync();
        await Seed("prod", "payments").FailingSavepointAsync();

        var rows = Rows(RenderChanges("/changes?outcome=blocked"));

        var row = Assert.Single(rows);
        Assert.Equal("payments", Cells(row)[2]);
        Assert.StartsWith("pending, upgrade blocked:", Cells(row)[7], StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_changes_the_page_says_so()
    {
        var cut = RenderChanges();

        Assert.Equal("No changes in this window", cut.Find(".empty-state__title").TextContent);
    }

    [Fact]
    public async Task With_filters_that_match_nothing_the_page_offers_to_clear_them_and_keeps_the_window()
    {
        await Seed("prod", "orders").DeployedAndRunningAsync();

        var cut = RenderChanges("/changes?window=7d&environment=nowhere");

        Assert.Equal("No change matches these filters", cut.Find(".empty-state__title").TextContent);
        Assert.Equal("/changes?window=7d", cut.Find(".empty-state a").GetAttribute("href"));
    }

    [Fact]
    public async Task Changes_older_than_the_window_are_not_shown()
    {
        await Seed("prod", "orders").DeployedAndRunningAsync();

        // The page's clock stands an hour after the seeded history; the last 30 minutes hold none of it.
        var cut = RenderChanges("/changes?window=30m");

        Assert.Empty(Rows(cut));
    }

    [Theory]
    [MemberData(nameof(HostileText.All), MemberType = typeof(HostileText))]
    public async Task Hostile_names_are_shown_as_text(string hostile)
    {
        await Seed(hostile, hostile).DeployedAndRunningAsync();

        var cut = RenderChanges($"/changes?application={Uri.EscapeDataString(hostile)}");

        var cells = Cells(Rows(cut).Single());
        Assert.Equal(hostile, cells[1]);
        Assert.Equal(hostile, cells[2]);
        Assert.Empty(cut.FindAll("script, img"));
        Assert.Equal(hostile, cut.Find(".change-toolbar__application input").GetAttribute("value"));
    }

    [Fact]
    public async Task A_new_instance_appears_while_the_page_is_open()
    {
        var orders = Seed("prod", "orders");
        await orders.DeployedAndRunningAsync();
        var cut = RenderChanges();
        Assert.Single(Rows(cut));

        Publish(await orders.SpecAsync("v2"));

        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count), LiveTimeout);
        Assert.Equal("job.label v1 -> v2", Cells(Rows(cut)[0])[5]);
    }

    [Fact]
    public async Task A_long_list_pages_to_older_changes_and_back_to_the_newest()
    {
        for (var i = 0; i < 30; i++)
        {
            await Seed("prod", $"app-{i:00}").SavepointUpgradeAsync();
        }

        var first = RenderChanges();
        var newest = Rows(first).Select(r => r.GetAttribute("data-instance")).ToList();
        var older = first.Find(".changes__older").GetAttribute("href")!;

        var second = RenderChanges(older);

        Assert.Equal(Changes.PageSize, newest.Count);
        Assert.Equal(60 - Changes.PageSize, Rows(second).Count);
        Assert.Empty(Rows(second).Select(r => r.GetAttribute("data-instance")).Intersect(newest));
        Assert.Equal("/changes", second.Find(".changes__newest").GetAttribute("href"));
    }
}
