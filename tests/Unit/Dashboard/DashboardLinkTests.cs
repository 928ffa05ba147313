using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class DashboardLinkTests : DashboardTestContext
{
    private IRenderedComponent<DashboardLink> RenderLink(string href, EmbedMode embed) =>
        Render<DashboardLink>(p => p.Add(c => c.Href, href).AddChildContent("open").AddCascadingValue(embed));

    [Fact]
    public void An_in_app_link_is_left_as_it_is_outside_an_embed()
    {
        Assert.Equal("/applications", RenderLink("/applications", EmbedMode.Standalone).Find("a").GetAttribute("href"));
    }

    [Fact]
    public void An_in_app_link_keeps_embed_inside_an_embed()
    {
        Assert.Equal("/applications?embed=1", RenderLink("/applications", EmbedMode.Embedded).Find("a").GetAttribute("href"));
    }

    [Fact]
    public void A_link_out_becomes_plain_text_inside_an_embed()
    {
        var cut = RenderLink("https://logs.example/search?q=x", EmbedMode.Embedded);

        Assert.Empty(cut.FindAll("a"));
        Assert.Equal("open", cut.Find("span").TextContent);
    }

    [Fact]
    public void A_protocol_relative_link_counts_as_a_link_out()
    {
        Assert.Empty(RenderLink("//evil.example/", EmbedMode.Embedded).FindAll("a"));
    }

    [Fact]
    public void A_link_out_opens_apart_from_the_dashboard_outside_an_embed()
    {
        var link = RenderLink("https://logs.example/", EmbedMode.Standalone).Find("a");

        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }
}
