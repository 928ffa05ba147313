using Bunit;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceBadgesTests : DashboardTestContext
{
    private IRenderedComponent<InstanceBadges> RenderBadges(string uid, string? error = null) =>
        Render<InstanceBadges>(p => p
            .Add(c => c.InstanceUid, uid)
            .Add(c => c.CurrentInstanceUid, "uid-1")
            .Add(c => c.LatestInstanceUid, "uid-3")
            .Add(c => c.ApplicationError, error));

    [Fact]
    public void The_current_instance_is_badged_current()
    {
        Assert.Equal("current", RenderBadges("uid-1").Find(".instance-badge--current").TextContent);
    }

    [Fact]
    public void The_latest_instance_that_is_not_current_is_pending()
    {
        Assert.Equal("pending", RenderBadges("uid-3").Find(".instance-badge--pending").TextContent);
    }

    [Fact]
    public void A_pending_instance_names_the_error_that_blocks_its_upgrade()
    {
        var cut = RenderBadges("uid-3", "Savepoint failed");

        Assert.Equal("pending, upgrade blocked: Savepoint failed", cut.Find(".instance-badge--pending").TextContent);
    }

    [Fact]
    public void A_json_error_is_named_by_its_message_in_the_badge_and_kept_whole_in_its_title()
    {
        const string error = """{"type":"org.apache.flink.util.FlinkException","message":"Savepoint failed"}""";

        var badge = RenderBadges("uid-3", error).Find(".instance-badge--pending");

        Assert.Equal("pending, upgrade blocked: Savepoint failed", badge.TextContent);
        Assert.Contains(error, badge.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_error_is_shortened_in_the_badge_and_kept_whole_in_its_title()
    {
        var error = new string('x', 500);

        var badge = RenderBadges("uid-3", error).Find(".instance-badge--pending");

        Assert.Equal("pending, upgrade blocked: ".Length + InstanceBadges.MaxErrorLength + 1, badge.TextContent.Length);
        Assert.Contains(error, badge.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_in_the_past_has_no_badge()
    {
        Assert.Empty(RenderBadges("uid-2").FindAll(".instance-badge"));
    }

    [Fact]
    public void An_instance_that_is_current_and_latest_is_only_current()
    {
        var cut = Render<InstanceBadges>(p => p
            .Add(c => c.InstanceUid, "uid-1").Add(c => c.CurrentInstanceUid, "uid-1").Add(c => c.LatestInstanceUid, "uid-1"));

        Assert.Equal(["current"], cut.FindAll(".instance-badge").Select(b => b.TextContent));
    }

    [Fact]
    public void A_hostile_error_is_shown_as_text()
    {
        var cut = RenderBadges("uid-3", HostileText.Script + HostileText.ImageOnError);

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Contains(HostileText.Script, cut.Find(".instance-badge--pending").TextContent, StringComparison.Ordinal);
    }
}
