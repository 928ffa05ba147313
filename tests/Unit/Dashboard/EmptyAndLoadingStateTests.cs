using Bunit;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class EmptyAndLoadingStateTests : DashboardTestContext
{
    [Fact]
    public void An_empty_state_says_what_is_missing_and_what_to_do()
    {
        var cut = Render<EmptyState>(p => p.Add(c => c.Title, "No applications yet").AddChildContent("Create a FlinkDeployment."));

        Assert.Equal("status", cut.Find(".empty-state").GetAttribute("role"));
        Assert.Equal("No applications yet", cut.Find(".empty-state__title").TextContent);
        Assert.Equal("Create a FlinkDeployment.", cut.Find(".empty-state__body").TextContent);
    }

    [Fact]
    public void A_loading_state_announces_what_is_loading()
    {
        var cut = Render<LoadingState>(p => p.Add(c => c.Message, "Loading instances…"));

        Assert.Equal("polite", cut.Find(".loading-state").GetAttribute("aria-live"));
        Assert.Equal("Loading instances…", cut.Find(".loading-state span").TextContent);
    }
}
