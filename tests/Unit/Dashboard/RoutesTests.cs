using Bunit;
using Cmf.Dashboard.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

public sealed class RoutesTests : DashboardTestContext
{
    private IRenderedComponent<Routes> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Routes>();
    }

    [Fact]
    public void A_page_opens_in_the_main_layout()
    {
        var cut = RenderAt("/not-found");

        Assert.NotEmpty(cut.FindAll(".mud-appbar"));
        Assert.Equal("Not found", cut.Find("h4, h1").TextContent);
    }

    [Fact]
    public void The_same_page_with_embed_opens_in_the_embed_layout()
    {
        var cut = RenderAt("/not-found?embed=1");

        Assert.Empty(cut.FindAll(".mud-appbar"));
        Assert.Empty(cut.FindAll("nav"));
        Assert.Equal("Not found", cut.Find("h4, h1").TextContent);
    }

    [Fact]
    public void Navigating_into_embed_mode_switches_the_layout()
    {
        var cut = RenderAt("/not-found");

        cut.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("/not-found?embed=1"));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-appbar")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Every_link_on_an_embedded_page_keeps_embed()
    {
        var cut = RenderAt("/_gallery?embed=1");

        var hrefs = cut.FindAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Contains("embed=1", href, StringComparison.Ordinal));
    }
}
