using Bunit;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class EnvironmentDefaultPathsTests : DashboardTestContext
{
    private IRenderedComponent<EnvironmentDefaultPaths> RenderPaths(string environment, bool hasDefaults, params string[] paths) =>
        Render<EnvironmentDefaultPaths>(p => p.Add(c => c.Environment, environment).Add(c => c.HasDefaults, hasDefaults).Add(c => c.Paths, paths));

    [Fact]
    public void Each_path_from_the_defaults_is_listed_as_code()
    {
        var cut = RenderPaths("prod", hasDefaults: true, "serviceAccount", "flinkConfiguration[\"state.backend.type\"]");

        Assert.Equal(["serviceAccount", "flinkConfiguration[\"state.backend.type\"]"], cut.FindAll("li code").Select(c => c.TextContent));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_hostile_key_or_environment_name_is_shown_as_text(string hostile)
    {
        var cut = RenderPaths(hostile, hasDefaults: true, $"flinkConfiguration[\"{hostile}\"]");

        Assert.Empty(cut.FindAll("script, img"));
        Assert.Equal($"flinkConfiguration[\"{hostile}\"]", cut.Find("li code").TextContent);
        Assert.Equal(hostile, cut.Find("bdi").TextContent);
    }

    [Fact]
    public void An_environment_without_defaults_says_so()
    {
        Assert.Equal("Environment staging has no flinkApplicationDefaults.", RenderPaths("staging", hasDefaults: false).Find(".environment-default-paths__none").TextContent);
    }

    public static TheoryData<string> HostileTexts => HostileText.All;
}
