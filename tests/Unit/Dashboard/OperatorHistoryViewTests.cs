using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Operator events in the event table and an instance's savepoint lineage, as the pages render them.</summary>
public sealed class OperatorHistoryViewTests : DashboardTestContext
{
    private static EventView OperatorEvent(string reason, string type, string message, int count = 1) => new()
    {
        Id = 1,
        Timestamp = Now.AddMinutes(-90),
        LastSeenAt = count > 1 ? Now.AddMinutes(-2) : null,
        Kind = AppEventKind.OperatorEvent,
        CmfType = "CMF_STATUS",
        Message = message,
        Count = count,
        Reason = reason,
        EventType = type,
        Source = "Job",
    };

    private IRenderedComponent<EventTable> RenderEvents(params EventView[] events) => Render<EventTable>(p => p
        .Add(c => c.Environment, "prod")
        .Add(c => c.Application, "orders")
        .Add(c => c.Events, events));

    [Fact]
    public void An_operator_event_shows_its_reason_type_and_repeat_count()
    {
        var cut = RenderEvents(OperatorEvent("JobException", "Warning", "java.lang.RuntimeException: boom", count: 4));

        var type = cut.Find("tbody .event-table__type");
        Assert.Equal("JobException", type.TextContent);
        Assert.Contains("event-table__type--warning", type.ClassName, StringComparison.Ordinal);
        Assert.Equal("Warning", cut.Find("tbody .event-table__severity").TextContent);
        Assert.Contains("× 4", cut.Find("tbody .event-table__count").TextContent, StringComparison.Ordinal);
        Assert.Contains("Seen 4 times", cut.Find("tbody .event-table__count").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileText.All), MemberType = typeof(HostileText))]
    public void A_hostile_reason_and_message_render_as_text(string hostile)
    {
        var cut = RenderEvents(OperatorEvent(hostile, hostile, hostile));

        Assert.Equal(hostile, cut.Find("tbody .event-table__type").TextContent);
        Assert.Empty(cut.FindAll("tbody script"));
        Assert.Empty(cut.FindAll("tbody img"));
        Assert.Contains("event-table__type--normal", cut.Find("tbody .event-table__type").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lineage_shows_where_the_instance_started_and_stopped_and_its_failed_snapshot()
    {
        var lineage = new SavepointLineage
        {
            StartedFrom = "s3://savepoints/savepoint-1",
            StartedFromOrigin = SavepointOrigin.PreviousStop,
            StartedFromSequence = 1,
            StoppedWith = "s3://savepoints/savepoint-2",
            Snapshots =
            [
                Snapshot("orders-periodic-1", "COMPLETED", path: "s3://savepoints/savepoint-p1"),
                Snapshot("orders-periodic-2", "FAILED", error: "CheckpointException: declined"),
            ],
        };

        var cut = Render<SavepointLineageView>(p => p.Add(c => c.Lineage, lineage));

        Assert.Contains("stop savepoint of instance #1", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["s3://savepoints/savepoint-1", "s3://savepoints/savepoint-2"], cut.FindAll(".savepoint-lineage__facts code").Select(c => c.TextContent));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("savepoint-lineage__row--completed", rows[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("savepoint-lineage__row--failed", rows[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("CheckpointException: declined", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".savepoint-lineage__blocked"));
    }

    [Fact]
    public void A_blocked_upgrade_shows_the_failing_snapshot()
    {
        var lineage = new SavepointLineage { BlockingSnapshots = [Snapshot("orders-upgrade-1", "FAILED", error: "CheckpointException: declined")] };

        var cut = Render<SavepointLineageView>(p => p.Add(c => c.Lineage, lineage));

        var blocked = cut.Find(".savepoint-lineage__blocked");
        Assert.Contains("Upgrade blocked", blocked.TextContent, StringComparison.Ordinal);
        Assert.Contains("orders-upgrade-1", blocked.TextContent, StringComparison.Ordinal);
        Assert.Contains("CheckpointException: declined", blocked.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpecDiffType.Ignore, "applied in place")]
    [InlineData(SpecDiffType.Scale, "rescaled")]
    [InlineData(SpecDiffType.Upgrade, "redeployed")]
    [InlineData(SpecDiffType.SavepointRedeploy, "redeployed from a savepoint")]
    public void The_diff_type_reads_as_what_the_operator_did(SpecDiffType diffType, string expected) =>
        Assert.Equal(expected, DiffTypeText.Describe(diffType));

    private static SnapshotView Snapshot(string name, string state, string? path = null, string? error = null) => new()
    {
        Name = name,
        CreatedAt = Now.AddMinutes(-10),
        SnapshotType = "SAVEPOINT",
        TriggerType = "PERIODIC",
        State = state,
        Path = path,
        Error = error,
        Failures = error is null ? 0 : 1,
    };
}
