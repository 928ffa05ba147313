using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceBadgesTests : DashboardTestContext
{
    private IRenderedComponent<InstanceBadges> RenderBadge(InstanceOutcome? outcome) =>
        Render<InstanceBadges>(p => p.Add(c => c.Outcome, outcome));

    private static InstanceOutcome OutcomeOf(Scenario scenario, int sequence) =>
        InstanceOutcome.For(scenario.InstanceNumber(sequence), scenario.History, scenario.Now);

    [Fact]
    public void The_current_instance_is_badged_current()
    {
        Assert.Equal("current", RenderBadge(OutcomeOf(BlockedUpgrade(), 1)).Find(".instance-badge--current").TextContent);
    }

    [Fact]
    public void The_unreconciled_latest_instance_is_badged_pending()
    {
        var scenario = BlockedUpgrade() with { ErrorEpisode = null };

        Assert.Equal("pending", RenderBadge(OutcomeOf(scenario, 2)).Find(".instance-badge--pending").TextContent);
    }

    [Fact]
    public void A_blocked_upgrade_names_its_error_in_the_badge_and_keeps_it_whole_in_its_title()
    {
        var badge = RenderBadge(OutcomeOf(BlockedUpgrade(), 2)).Find(".instance-badge--blocked");

        Assert.Equal("pending, upgrade blocked: Savepoint Error (seen 3 times since 11:01:00 UTC)", badge.TextContent);
        Assert.Contains(SavepointError, badge.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_past_instance_is_badged_with_what_became_of_it()
    {
        var badge = RenderBadge(OutcomeOf(FailingSavepointThenRevert(), 2)).Find(".instance-badge--past");

        Assert.Equal("never deployed", badge.TextContent);
        Assert.StartsWith("No cluster ever ran this instance", badge.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_outcome_draws_no_badge()
    {
        Assert.Empty(RenderBadge(null).FindAll(".instance-badge"));
    }

    [Fact]
    public void A_hostile_error_is_shown_as_text()
    {
        var scenario = BlockedUpgrade();
        scenario = scenario with { ErrorEpisode = scenario.ErrorEpisode! with { Message = HostileText.Script + HostileText.ImageOnError } };

        var cut = RenderBadge(OutcomeOf(scenario, 2));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Contains(HostileText.Script, cut.Find(".instance-badge--pending").TextContent, StringComparison.Ordinal);
    }
}
