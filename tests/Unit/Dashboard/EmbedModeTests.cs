using AngleSharp.Dom;
using Bunit;
using Cmf.Dashboard.Components;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Pages inside a portal's frame (<c>?embed=1</c>), rendered through the real router and layouts.</summary>
public sealed class EmbedModeTests : PageTestContext
{
    private IRenderedComponent<Routes> RenderEmbedded(string url) => RenderAt<Routes>(url);

    private static IReadOnlyList<string> Hrefs(IRenderedComponent<Routes> cut) =>
        [.. cut.FindAll("a").Select(a => a.GetAttribute("href") ?? "")];

    private static void AssertNoWayOut(IRenderedComponent<Routes> cut)
    {
        Assert.Empty(cut.FindAll(".mud-appbar"));
        Assert.Empty(cut.FindAll("nav.nav-menu, nav.breadcrumbs"));
        Assert.All(Hrefs(cut), href =>
        {
            Assert.StartsWith("/", href, StringComparison.Ordinal);
            Assert.Contains("embed=1", href, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_embedded_application_list_has_no_navigation_and_keeps_its_filters()
    {
        await Seed("prod", "orders").DeployedAndRunningAsync();

        var cut = RenderEmbedded("/applications?environment=prod&embed=1");

        AssertNoWayOut(cut);
        var sortLink = cut.FindAll("th a").Single(a => a.TextContent.StartsWith("Last change", StringComparison.Ordinal));
        Assert.Equal("/applications?environment=prod&sort=last-change&embed=1", sortLink.GetAttribute("href"));
    }

    [Fact]
    public async Task The_embedded_changes_list_has_no_navigation_and_its_diff_links_stay_embedded_with_the_way_back()
    {
        await Seed("prod", "orders").SavepointUpgradeAsync();

        var cut = RenderEmbedded("/changes?environment=prod&embed=1");

        AssertNoWayOut(cut);
        var diff = cut.Find(".changes__diff").GetAttribute("href")!;
        Assert.Contains("back=%2Fchanges%3Fenvironment%3Dprod", diff, StringComparison.Ordinal);
        Assert.EndsWith("&embed=1", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_application_page_has_no_navigation_and_its_links_stay_embedded()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderEmbedded("/environments/prod/applications/orders?tab=instances&embed=1");

        Assert.Equal("orders", cut.Find("h1").TextContent);
        AssertNoWayOut(cut);
    }

    [Fact]
    public async Task The_embedded_instance_page_shows_the_log_link_as_text()
    {
        CmfOptions.Logging.LinkTemplate = "https://logs.example/search?uid={uid}";
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderEmbedded($"/environments/prod/applications/orders/instances/{app.InstanceUid(1)}?embed=1");

        Assert.Equal("SPAN", cut.Find(".log-correlation__link").TagName);
        AssertNoWayOut(cut);
    }

    [Fact]
    public async Task The_embedded_diff_keeps_embed_when_switching_to_inline()
    {
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders(parallelism: 2));
        await app.SpecAsync(SpecJson.Orders(parallelism: 4));
        var cut = RenderEmbedded("/environments/prod/applications/orders/diff?embed=1");

        cut.Find(".spec-diff__toggle-inline input").Change(true);

        Assert.EndsWith("inline=1&embed=1", CurrentUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_environments_page_has_no_navigation()
    {
        await Seed("prod", "orders").SpecAsync("v1");

        var cut = RenderEmbedded("/environments?embed=1");

        AssertNoWayOut(cut);
        Assert.Equal("Environments", cut.Find("h1").TextContent);
    }

    [Fact]
    public void The_standalone_application_list_has_the_app_bar_and_marks_its_section()
    {
        var cut = RenderAt<Routes>("/applications");

        Assert.NotEmpty(cut.FindAll(".mud-appbar"));
        Assert.Equal("Applications", cut.Find("nav.nav-menu a[aria-current='page']").TextContent);
    }

    [Fact]
    public async Task An_application_page_marks_applications_as_the_section()
    {
        await Seed("prod", "orders").SpecAsync("v1");

        var cut = RenderAt<Routes>("/environments/prod/applications/orders");

        IElement current = cut.Find("nav.nav-menu a[aria-current='page']");
        Assert.Equal("Applications", current.TextContent);
    }
}
