using Bunit;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Operator Events and savepoints that arrive while a page is open show up through the change feed, without reload.</summary>
public sealed class OperatorHistoryLiveTests : PageTestContext
{
    private const string JobException = "java.lang.RuntimeException: boom in the open page";

    [Fact]
    public async Task An_operator_event_appears_in_the_open_instance_page_in_its_section_only()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var uid = app.InstanceUid(1);
        var cut = RenderApplicationPage<InstanceDetail>(app.Key, $"/instances/{uid}", p => p.Add(c => c.Uid, uid));
        Assert.Empty(cut.FindAll("section[aria-labelledby='instance-operator-events'] tbody .event-table__type"));

        Publish(await app.OperatorEventAsync("job-exception", "JobException", JobException, type: "Warning"));

        cut.WaitForAssertion(() => Assert.Equal("JobException",
            cut.Find("section[aria-labelledby='instance-operator-events'] tbody .event-table__type").TextContent), LiveTimeout);
        Assert.Single(cut.FindAll(".event-table__message"), m => m.TextContent.StartsWith(JobException, StringComparison.Ordinal));
        Assert.DoesNotContain(JobException, cut.Find("section[aria-labelledby='instance-history']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_event_appears_in_the_open_applications_events()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var cut = RenderApplicationPage<ApplicationDetail>(app.Key, "?tab=events");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".event-table__row")), LiveTimeout);
        Assert.DoesNotContain(JobException, cut.Markup, StringComparison.Ordinal);

        Publish(await app.OperatorEventAsync("job-exception", "JobException", JobException, type: "Warning"));

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".event-table__row"),
            r => r.QuerySelector(".event-table__type")?.TextContent == "JobException"
                && r.QuerySelector(".event-table__message")!.TextContent.StartsWith(JobException, StringComparison.Ordinal)), LiveTimeout);
    }

    [Fact]
    public async Task A_savepoint_appears_on_the_open_timeline_and_in_the_open_instances_lineage()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        var uid = app.InstanceUid(1);
        var timeline = RenderApplicationPage<ApplicationDetail>(app.Key);
        var instance = RenderApplicationPage<InstanceDetail>(app.Key, $"/instances/{uid}", p => p.Add(c => c.Uid, uid));
        timeline.WaitForAssertion(() => Assert.NotEmpty(timeline.FindAll(".instance-timeline__instance")), LiveTimeout);
        Assert.Empty(timeline.FindAll(".instance-timeline__snapshot"));

        Publish(await app.SnapshotAsync("orders-manual-1", "FAILED", triggerType: "MANUAL", error: "CheckpointException: declined", failures: 1));

        timeline.WaitForAssertion(() => Assert.Equal("orders-manual-1",
            timeline.Find($".instance-timeline__snapshots[data-instance='{uid}'] .instance-timeline__snapshot--failed").GetAttribute("data-snapshot")), LiveTimeout);
        instance.WaitForAssertion(() => Assert.Contains("CheckpointException: declined",
            instance.Find("section[aria-labelledby='instance-savepoints'] tbody tr").TextContent, StringComparison.Ordinal), LiveTimeout);
    }
}
