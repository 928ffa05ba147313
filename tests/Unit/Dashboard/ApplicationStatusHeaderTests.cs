using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.Dashboard;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class ApplicationStatusHeaderTests : DashboardTestContext
{
    private static ApplicationSummary Blocked(string name = "orders", string environment = "prod") => new()
    {
        Key = new ApplicationKey(environment, name),
        Namespace = "flink-prod",
        JobState = JobState.Running,
        LifecycleState = LifecycleState.Upgrading,
        CurrentInstance = new InstanceReference("uid-1", 1),
        LatestInstance = new InstanceReference("uid-3", 3),
        PendingUpgrade = true,
        Error = "Savepoint failed",
        ErrorEpisode = new ErrorEpisode { Message = "Savepoint failed", PendingInstanceUid = "uid-3", FirstSeen = Now.AddMinutes(-30), LastSeen = Now, Count = 7 },
    };

    [Fact]
    public void The_header_names_the_application_where_it_runs_and_its_states()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()));

        Assert.Equal("orders", cut.Find("h1").TextContent);
        Assert.Equal(["prod", "flink-prod"], cut.FindAll("dd").Take(2).Select(d => d.TextContent.Trim()));
        Assert.Equal(["RUNNING", "UPGRADING"], cut.FindAll(".state-chip").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void The_latest_instance_shows_its_blocked_upgrade_with_how_often_the_operator_retried()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()));

        Assert.Equal("pending, upgrade blocked: Savepoint failed (seen 7 times since 11:30:00 UTC)", cut.Find(".instance-badge--pending").TextContent);
    }

    [Fact]
    public void The_blocked_upgrade_stays_named_while_the_operator_has_cleared_the_error_between_retries()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked() with { Error = null }));

        Assert.StartsWith("pending, upgrade blocked: Savepoint failed", cut.Find(".instance-badge--pending").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_revert_the_latest_instance_is_not_pending()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked() with { PendingUpgrade = false, Error = null, ErrorEpisode = null }));

        Assert.Empty(cut.FindAll(".instance-badge"));
    }

    [Fact]
    public void The_error_is_shown_in_a_banner()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()));

        Assert.Equal("Savepoint failed", cut.Find(".application-header__error-text").TextContent);
    }

    [Fact]
    public void A_json_error_leads_with_its_message_lists_its_causes_and_keeps_the_raw_text_folded()
    {
        const string error = """
            {"type":"org.apache.flink.kubernetes.operator.exception.UpgradeFailureException","message":"Savepoint Error",
             "throwableList":[{"type":"java.util.concurrent.ExecutionException","message":"CheckpointException: Checkpoint Coordinator is suspending"},
                              {"type":"X","message":"Savepoint Error"},{"type":"Y"}]}
            """;
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked() with { Error = error }));

        Assert.Equal("Savepoint Error", cut.Find(".application-header__error-text").TextContent);
        Assert.Equal(["CheckpointException: Checkpoint Coordinator is suspending"], cut.FindAll(".application-header__error-causes li").Select(li => li.TextContent));
        Assert.Equal(error.Trim(), cut.Find(".application-header__error-raw pre").TextContent);
        Assert.Null(cut.Find(".application-header__error-raw").GetAttribute("open"));
    }

    [Fact]
    public void A_plain_text_error_is_shown_once_with_nothing_folded()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()));

        Assert.Empty(cut.FindAll(".application-header__error-causes"));
        Assert.Empty(cut.FindAll(".application-header__error-raw"));
    }

    [Fact]
    public void Without_a_live_cluster_there_is_no_current_instance()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked() with { CurrentInstance = null, Error = null }));

        Assert.Contains("none (no live cluster)", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".application-header__error-text"));
    }

    [Fact]
    public void The_instances_link_to_their_pages()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()));

        Assert.Equal(
            [DashboardUrls.InstanceUrl("prod", "orders", "uid-1"), DashboardUrls.InstanceUrl("prod", "orders", "uid-3")],
            cut.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void In_embed_mode_the_instance_links_stay_inside_the_embed()
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked()).AddCascadingValue(EmbedMode.Embedded));

        Assert.All(cut.FindAll("a"), a => Assert.True(EmbedUrl.IsEmbedded(a.GetAttribute("href")!)));
    }

    [Theory]
    [InlineData(HostileText.Script)]
    [InlineData(HostileText.ImageOnError)]
    [InlineData(HostileText.RightToLeftOverride)]
    [InlineData(HostileText.Emoji)]
    public void Hostile_names_and_errors_are_shown_as_text(string hostile)
    {
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked(hostile, hostile) with { Namespace = hostile, Error = hostile }));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Equal(hostile, cut.Find("h1").TextContent);
        Assert.Equal(hostile, cut.Find(".application-header__error-text").TextContent);
    }

    [Theory]
    [InlineData(HostileText.Script)]
    [InlineData(HostileText.ImageOnError)]
    public void Hostile_messages_inside_a_json_error_are_shown_as_text(string hostile)
    {
        var error = System.Text.Json.JsonSerializer.Serialize(new { message = hostile, throwableList = new[] { new { message = hostile + " cause" } } });
        var cut = Render<ApplicationStatusHeader>(p => p.Add(c => c.Application, Blocked() with { Error = error }));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Equal(hostile, cut.Find(".application-header__error-text").TextContent);
        Assert.Equal(hostile + " cause", cut.Find(".application-header__error-causes li").TextContent);
    }
}
