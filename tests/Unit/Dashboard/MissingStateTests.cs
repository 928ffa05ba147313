using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Cmf.UnitTests.Dashboard;

public sealed class MissingStateTests : DashboardTestContext
{
    [Fact]
    public void It_names_what_is_missing_and_the_status_and_leads_back_to_the_list()
    {
        var cut = Render<MissingState>(p => p
            .Add(c => c.Title, "Instance #2 was pruned")
            .Add(c => c.StatusCode, StatusCodes.Status410Gone)
            .AddChildContent("<p>retention</p>"));

        Assert.Equal("Instance #2 was pruned", cut.Find("h1").TextContent);
        Assert.Equal("HTTP 410", cut.Find(".missing-state__status").TextContent);
        Assert.Equal("/applications", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Inside_a_portal_the_way_back_stays_embedded()
    {
        var cut = Render<CascadingValue<EmbedMode>>(p => p
            .Add(c => c.Value, EmbedMode.Embedded)
            .AddChildContent<MissingState>(m => m.Add(c => c.Title, "Instance not found")));

        Assert.Equal("/applications?embed=1", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Hostile_text_in_the_title_is_shown_as_text()
    {
        var cut = Render<MissingState>(p => p.Add(c => c.Title, HostileText.ImageOnError));

        Assert.Equal(HostileText.ImageOnError, cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("img"));
    }
}
