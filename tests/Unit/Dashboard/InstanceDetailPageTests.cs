using Cmf.Dashboard.Model;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceDetailPageTests : PageTestContext
{
    private IRenderedComponent<InstanceDetail> RenderInstance(SeededApplication app, string uid) =>
        RenderInstance(app.Key.Environment, app.Key.Name, uid);

    private IRenderedComponent<InstanceDetail> RenderInstance(string environment, string application, string uid) =>
        RenderApplicationPage<InstanceDetail>(new ApplicationKey(environment, application), $"/instances/{uid}", p => p.Add(c => c.Uid, uid));

    private static string Fact(IRenderedComponent<InstanceDetail> cut, string term) =>
        cut.FindAll(".instance-detail__facts div").Single(d => d.QuerySelector("dt")!.TextContent == term).QuerySelector("dd")!.TextContent.Trim();

    [Fact]
    public async Task The_page_names_the_instance_and_its_uid()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal("Instance #1 of orders", cut.Find("h1").TextContent);
        Assert.Equal(app.InstanceUid(1), Fact(cut, "UID"));
        Assert.Equal("current", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task The_log_filter_of_a_cmf_managed_instance_is_its_annotation()
    {
        const string uid = "5f0c1b9e-3d7a-4c51-9a0e-1c2d3e4f5a61";
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders(instanceAnnotation: uid));

        var cut = RenderInstance(app, uid);

        Assert.Equal(uid, app.InstanceUid(1));
        Assert.Equal($"platform.confluent.io/cmf-fa-instance == {uid}", cut.Find(".log-correlation__filter code").TextContent);
    }

    [Fact]
    public async Task An_instance_made_with_kubectl_offers_the_pod_labels_and_its_clusters_time_instead_of_the_annotation()
    {
        var app = Seed("prod", "orders", @namespace: "flink-prod");
        await app.SavepointUpgradeAsync();
        var c1 = app.State.Clusters[0];

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Empty(cut.FindAll(".log-correlation__filter"));
        Assert.Contains("no pod carries it", cut.Find(".log-correlation__hint").TextContent, StringComparison.Ordinal);
        Assert.Equal(["flink-prod", "app=orders,component=jobmanager", "app=orders,component=taskmanager"],
            cut.FindAll(".log-correlation__selectors code").Select(c => c.TextContent));
        Assert.Equal($"{Cmf.Dashboard.Model.RelativeTimeText.Iso(c1.StartedAt)} to {Cmf.Dashboard.Model.RelativeTimeText.Iso(c1.EndedAt!.Value)}",
            cut.Find(".log-correlation__range").TextContent);
    }

    [Fact]
    public async Task The_log_link_fills_the_template_with_the_instances_lifetime()
    {
        CmfOptions.Logging.LinkTemplate = "https://logs.example/search?uid={uid}&ns={namespace}&app={app}&from={from}&to={to}";
        var app = Seed("prod", "orders", @namespace: "flink-prod");
        await app.SavepointUpgradeAsync();
        var first = app.State.Instances.Single(i => i.Sequence == 1);

        var cut = RenderInstance(app, first.Uid);

        var expected = $"https://logs.example/search?uid={first.Uid}&ns=flink-prod&app=orders" +
            $"&from={Uri.EscapeDataString(Cmf.Dashboard.Model.UtcTimeText.Of(first.CreatedAt))}&to={Uri.EscapeDataString(Cmf.Dashboard.Model.UtcTimeText.Of(first.EndedAt!.Value))}";
        Assert.Equal(expected, cut.Find("a.log-correlation__link").GetAttribute("href"));
    }

    [Fact]
    public async Task A_live_instance_links_to_its_logs_until_now()
    {
        CmfOptions.Logging.LinkTemplate = "https://logs.example/?to={to}";
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal($"https://logs.example/?to={Uri.EscapeDataString(Cmf.Dashboard.Model.UtcTimeText.Of(PageNow))}", cut.Find("a.log-correlation__link").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_template_there_is_no_log_link()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Empty(cut.FindAll(".log-correlation__link"));
    }

    [Fact]
    public async Task The_clusters_the_instance_ran_on_are_listed()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        var cluster = Assert.Single(cut.FindAll(".cluster-table tbody tr"));
        Assert.Equal(app.ClusterUid("C1"), cluster.GetAttribute("data-cluster"));
    }

    [Fact]
    public async Task An_instance_a_revert_replaced_before_it_got_a_cluster_was_never_deployed()
    {
        var app = Seed();
        await app.RevertAfterFailingSavepointAsync();

        var cut = RenderInstance(app, app.InstanceUid(2));

        Assert.Equal("Never deployed", cut.Find(".empty-state__title").TextContent);
        Assert.Equal("never deployed", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task The_revert_says_which_instance_keeps_running()
    {
        var app = Seed();
        await app.RevertAfterFailingSavepointAsync();

        var cut = RenderInstance(app, app.InstanceUid(3));

        Assert.Equal("reverted to #1's spec; #1 keeps running", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task A_blocked_instance_is_not_deployed_yet_and_says_what_blocks_it()
    {
        var app = Seed();
        await app.FailingSavepointAsync(failures: 2);

        var cut = RenderInstance(app, app.InstanceUid(2));

        Assert.Equal("Not deployed yet", cut.Find(".empty-state__title").TextContent);
        Assert.StartsWith("pending, upgrade blocked: Savepoint Error (seen 2 times since ", cut.Find(".instance-detail__title-row .instance-badge").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_a_cluster_was_handed_over_from_lists_it_until_the_hand_over()
    {
        var app = Seed();
        await app.InPlaceChangeAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        var cluster = Assert.Single(cut.FindAll(".cluster-table tbody tr"));
        Assert.Equal(app.ClusterUid("C1"), cluster.GetAttribute("data-cluster"));
        Assert.Contains("until handed over in place to #2", cluster.QuerySelector(".cluster-table__ran")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("superseded in place by #2", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task The_instance_a_cluster_was_handed_over_to_lists_it_from_the_hand_over()
    {
        var app = Seed();
        await app.InPlaceChangeAsync();

        var cut = RenderInstance(app, app.InstanceUid(2));

        var ran = cut.Find(".cluster-table tbody tr .cluster-table__ran").TextContent;
        Assert.Contains("(handed over in place from #1)", ran, StringComparison.Ordinal);
        Assert.Contains("still running", ran, StringComparison.Ordinal);
        Assert.Equal("current", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task The_status_history_holds_only_this_instances_events()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderInstance(app, app.InstanceUid(2));

        var messages = cut.FindAll(".event-table__message").Select(m => m.TextContent).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotContain("#1", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instance_stopped_for_the_upgrade_reads_as_such()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal("FINISHED (stopped with a savepoint for an upgrade)", cut.Find(".instance-detail__title-row .state-chip").TextContent.Trim());
        Assert.Equal("stopped with a savepoint for an upgrade", cut.Find(".instance-detail__title-row .instance-badge").TextContent);
    }

    [Fact]
    public async Task Values_equal_to_the_environment_defaults_are_listed_and_marked_in_the_spec()
    {
        await Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "prod-ns", (JsonObject?)SecretMasker.Fingerprint(RealisticSpec.Defaults()))], CancellationToken.None);
        var app = Seed();
        await app.SpecAsync(RealisticSpec.Basic().WithEnvironmentDefaults().Build());

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal(["flinkConfiguration[\"execution.checkpointing.interval\"]", "flinkConfiguration[\"s3.secret-key\"]"],
            cut.FindAll(".environment-default-paths__list code").Select(c => c.TextContent));
        Assert.Equal(["  execution.checkpointing.interval: 60s", "  s3.secret-key: ******"],
            cut.FindAll(".spec-view__line--marked .spec-view__text").Select(t => t.TextContent));
        Assert.All(cut.FindAll(".spec-view__line--marked .spec-view__mark"), mark => Assert.Equal("from environment defaults", mark.TextContent));
        Assert.DoesNotContain("defaults-secret-do-not-show", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_made_without_the_environment_defaults_marks_nothing()
    {
        await Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "prod-ns", (JsonObject?)SecretMasker.Fingerprint(RealisticSpec.Defaults()))], CancellationToken.None);
        var app = Seed();
        await app.SpecAsync(RealisticSpec.Basic().Build());

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.StartsWith("No value of this spec equals a default of environment", cut.Find(".environment-default-paths__none").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".spec-view__line--marked"));
    }

    [Fact]
    public async Task An_environment_without_defaults_says_so()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal("Environment prod has no flinkApplicationDefaults.", cut.Find(".environment-default-paths__none").TextContent);
    }

    [Fact]
    public async Task The_effective_spec_is_shown_with_secrets_masked()
    {
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders(password: "hunter2"));

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Contains("s3.secret-key: ******", cut.Find(".spec-view").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<sealed:", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_instance_links_to_the_diff_with_the_first()
    {
        var app = Seed();
        await app.SavepointUpgradeAsync();

        var cut = RenderInstance(app, app.InstanceUid(2));

        Assert.Equal(
            $"/environments/prod/applications/orders/diff?from={app.InstanceUid(1)}&to={app.InstanceUid(2)}",
            cut.Find("a.instance-detail__diff").GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_uid_gets_a_not_found_page()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();

        var cut = RenderInstance(app, "11111111-2222-3333-4444-555555555555");

        Assert.Equal("Instance not found", cut.Find("h1").TextContent);
        Assert.Equal("HTTP 404", cut.Find(".missing-state__status").TextContent);
    }

    [Fact]
    public async Task A_pruned_uid_gets_a_page_that_says_it_was_pruned()
    {
        var app = Seed(settings: new TrackerSettings(MaxInstancesPerApplication: 2));
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        var pruned = app.InstanceUid(2);
        await app.SpecAsync("v3");

        var cut = RenderInstance(app, pruned);

        Assert.Equal("Instance #2 was pruned", cut.Find("h1").TextContent);
        Assert.Equal("HTTP 410", cut.Find(".missing-state__status").TextContent);
    }

    [Fact]
    public async Task A_uid_of_another_application_points_to_where_it_belongs()
    {
        await Seed("prod", "orders").DeployedAndRunningAsync();
        var payments = Seed("prod", "payments");
        await payments.DeployedAndRunningAsync();

        var cut = RenderInstance("prod", "orders", payments.InstanceUid(1));

        Assert.Equal("Instance not found in this application", cut.Find("h1").TextContent);
        Assert.Equal($"/environments/prod/applications/payments/instances/{payments.InstanceUid(1)}", cut.Find(".missing-state__body a").GetAttribute("href"));
    }

    [Fact]
    public void An_instance_of_an_unknown_application_gets_a_not_found_page()
    {
        var cut = RenderInstance("prod", "ghost", "11111111-2222-3333-4444-555555555555");

        Assert.Equal("Application not found", cut.Find("h1").TextContent);
    }

    [Fact]
    public async Task Hostile_text_in_names_and_specs_is_shown_as_text()
    {
        var app = Seed("prod", HostileText.ImageOnError);
        await app.SpecAsync(SpecJson.Orders(image: HostileText.Script, note: HostileText.RightToLeftOverride + HostileText.Emoji));

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal($"Instance #1 of {HostileText.ImageOnError}", cut.Find("h1").TextContent);
        Assert.Contains(HostileText.Script, cut.Find(".spec-view").TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Emoji, cut.Find(".spec-view").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("main script, .spec-view script, img"));
    }

    [Fact]
    public async Task The_job_state_of_the_open_instance_follows_the_operator()
    {
        var app = Seed();
        await app.SpecAsync("v1");
        await app.ClusterStartedAsync("C1");
        var cut = RenderInstance(app, app.InstanceUid(1));

        Publish(await app.RunningAsync());

        cut.WaitForAssertion(() => Assert.Equal("RUNNING", cut.Find(".instance-detail__title-row .state-chip").TextContent.Trim()), LiveTimeout);
    }

    /// <summary>#1 runs, takes a periodic savepoint; #2 is an UPGRADE the operator announces with SpecChanged, restored from #1's stop savepoint.</summary>
    private static async Task OperatorUpgradeAsync(SeededApplication app)
    {
        await app.DeployedAndRunningAsync();
        await app.SnapshotAsync("orders-periodic-1", "COMPLETED", path: "s3://savepoints/periodic-1");
        await app.SpecAsync("v2");
        await app.OperatorEventAsync("spec-changed", "SpecChanged", OperatorHistorySteps.SpecChanged("UPGRADE"));
        await app.StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        await app.ClusterEndedAsync("C1");
        await app.StatusAsync(StatusChanges.ClusterDeleted());
        await app.StatusAsync(StatusChanges.NewJobId("J2"));
        await app.ClusterStartedAsync("C2");
        await app.StatusAsync(StatusChanges.Submitted(observedGeneration: 2));
        await app.RunningAsync();
        await app.OperatorEventAsync("job-running", "JobStatusChanged", "Job status changed from RECONCILING to RUNNING");
        await app.SnapshotAsync("orders-periodic-2", "FAILED", error: "CheckpointException: declined", failures: 1);
    }

    private static IElement Section(IRenderedComponent<InstanceDetail> cut, string titleId) =>
        cut.Find($"section[aria-labelledby='{titleId}']");

    [Fact]
    public async Task The_page_shows_lineage_operator_events_and_what_the_operator_did_each_event_once()
    {
        var app = Seed();
        await OperatorUpgradeAsync(app);

        var cut = RenderInstance(app, app.InstanceUid(2));

        Assert.Equal("redeployed", Fact(cut, "Change applied"));
        Assert.Equal("UPGRADE", cut.Find(".instance-detail__diff-type dd").GetAttribute("title"));

        var lineage = Section(cut, "instance-savepoints");
        Assert.Contains("stop savepoint of instance #1", lineage.TextContent, StringComparison.Ordinal);
        Assert.Equal("s3://savepoints/savepoint-1", lineage.QuerySelector(".savepoint-lineage__facts code")!.TextContent);
        var snapshot = Assert.Single(lineage.QuerySelectorAll("tbody tr"));
        Assert.Contains("orders-periodic-2", snapshot.TextContent, StringComparison.Ordinal);
        Assert.Contains("CheckpointException: declined", snapshot.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("orders-periodic-1", lineage.TextContent, StringComparison.Ordinal);

        var operatorEvents = Section(cut, "instance-operator-events");
        Assert.Equal(["JobStatusChanged", "SpecChanged"],
            operatorEvents.QuerySelectorAll("tbody .event-table__type").Select(t => t.TextContent).Order(StringComparer.Ordinal));

        var history = Section(cut, "instance-history");
        Assert.NotEmpty(history.QuerySelectorAll("tbody tr"));
        Assert.Empty(history.QuerySelectorAll("tbody .event-table__severity"));
        Assert.DoesNotContain("SpecChanged", history.TextContent, StringComparison.Ordinal);

        // Each operator Event once on the whole page.
        Assert.Single(cut.FindAll(".event-table__message"), m => m.TextContent.StartsWith(OperatorHistorySteps.SpecChanged("UPGRADE"), StringComparison.Ordinal));
        Assert.Single(cut.FindAll(".event-table__message"), m => m.TextContent.StartsWith("Job status changed from RECONCILING to RUNNING", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_instance_keeps_its_own_savepoint_and_no_operator_event_of_the_second()
    {
        var app = Seed();
        await OperatorUpgradeAsync(app);

        var cut = RenderInstance(app, app.InstanceUid(1));

        Assert.Equal("—", Fact(cut, "Change applied"));
        var snapshot = Assert.Single(Section(cut, "instance-savepoints").QuerySelectorAll("tbody tr"));
        Assert.Contains("orders-periodic-1", snapshot.TextContent, StringComparison.Ordinal);
        Assert.Empty(Section(cut, "instance-operator-events").QuerySelectorAll("tbody .event-table__type"));
        Assert.DoesNotContain("SpecChanged", cut.Markup, StringComparison.Ordinal);
    }
}
