using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Where savepoint marks sit on the instance bars (the layout side of the timeline's savepoints).</summary>
public sealed class TimelineSnapshotMarksTests
{
    internal static SnapshotView Snapshot(string name, string instanceUid, int minutes, string? state, string triggerType = "PERIODIC",
        string? path = null, string? error = null, string type = "SAVEPOINT") => new()
    {
        Name = name,
        InstanceUid = instanceUid,
        CreatedAt = At(minutes),
        SnapshotType = type,
        TriggerType = triggerType,
        State = state,
        Path = path,
        Error = error,
        Failures = error is null ? 0 : 1,
    };

    [Fact]
    public void A_mark_sits_at_its_snapshots_time_on_the_bar_of_its_instance()
    {
        var scenario = SavepointUpgrade();
        var layout = scenario.Layout(new TimelineRange(At(0), At(100)), width: 1000);
        var first = scenario.InstanceNumber(1);
        var second = scenario.InstanceNumber(2);

        var lanes = TimelineSnapshotMarks.Place(layout,
            [Snapshot("sp-1", first.Uid, 30, "COMPLETED"), Snapshot("sp-2", second.Uid, 80, "IN_PROGRESS")]);

        var firstLane = lanes.Single(l => l.Bar.Instance.Uid == first.Uid);
        var secondLane = lanes.Single(l => l.Bar.Instance.Uid == second.Uid);
        Assert.Equal(300, Assert.Single(firstLane.Marks).X, precision: 6);
        Assert.Equal(800, Assert.Single(secondLane.Marks).X, precision: 6);
        Assert.Equal(SnapshotMarkKind.Completed, firstLane.Marks[0].Kind);
        Assert.Equal(SnapshotMarkKind.InProgress, secondLane.Marks[0].Kind);
    }

    [Theory]
    [InlineData("COMPLETED", SnapshotMarkKind.Completed)]
    [InlineData("FAILED", SnapshotMarkKind.Failed)]
    [InlineData("ABANDONED", SnapshotMarkKind.Failed)]
    [InlineData("IN_PROGRESS", SnapshotMarkKind.InProgress)]
    [InlineData("TRIGGER_PENDING", SnapshotMarkKind.InProgress)]
    [InlineData(null, SnapshotMarkKind.InProgress)]
    public void Each_state_has_its_kind_of_mark(string? state, SnapshotMarkKind expected) =>
        Assert.Equal(expected, TimelineSnapshotMarks.KindOf(Snapshot("sp", "uid", 0, state)));

    [Fact]
    public void A_mark_outside_its_bar_is_clamped_to_the_bar()
    {
        // #1 lives from 0 to 65; a snapshot stamped after its end (the operator's clock) stays on its bar.
        var scenario = SavepointUpgrade();
        var layout = scenario.Layout(new TimelineRange(At(0), At(100)), width: 1000);
        var first = scenario.InstanceNumber(1);
        var bar = layout.Instances.Single(b => b.Instance.Uid == first.Uid);

        var mark = Assert.Single(Assert.Single(TimelineSnapshotMarks.Place(layout, [Snapshot("late", first.Uid, 90, "COMPLETED")])).Marks);

        Assert.Equal(bar.X + bar.Width, mark.X, precision: 6);
        Assert.True(mark.X < 900, "clamped before where 90 minutes would be");
    }

    [Fact]
    public void A_mark_before_a_clipped_bar_stays_at_its_visible_start()
    {
        var scenario = SavepointUpgrade();
        var layout = scenario.Layout(new TimelineRange(At(20), At(100)), width: 800);
        var first = scenario.InstanceNumber(1);

        var mark = Assert.Single(Assert.Single(TimelineSnapshotMarks.Place(layout, [Snapshot("early", first.Uid, 5, "COMPLETED")])).Marks);

        Assert.Equal(0, mark.X, precision: 6);
    }

    [Fact]
    public void A_bar_keeps_its_newest_marks_and_counts_the_rest()
    {
        var scenario = SavepointUpgrade();
        var layout = scenario.Layout(new TimelineRange(At(0), At(100)), width: 1000);
        var first = scenario.InstanceNumber(1);
        var many = Enumerable.Range(0, TimelineSnapshotMarks.MaxPerBar + 13)
            .Select(i => Snapshot($"sp-{i:D3}", first.Uid, i % 60, "COMPLETED") with { CreatedAt = At(0).AddSeconds(i * 30) })
            .ToList();

        var lane = Assert.Single(TimelineSnapshotMarks.Place(layout, many));

        Assert.Equal(TimelineSnapshotMarks.MaxPerBar, lane.Marks.Count);
        Assert.Equal(13, lane.Omitted);
        Assert.Equal("sp-013", lane.Marks[0].Snapshot.Name);
        Assert.Equal($"sp-{TimelineSnapshotMarks.MaxPerBar + 12:D3}", lane.Marks[^1].Snapshot.Name);
    }

    [Fact]
    public void Snapshots_of_an_instance_outside_the_range_or_without_one_draw_nothing()
    {
        var scenario = SavepointUpgrade();
        var layout = scenario.Layout(new TimelineRange(At(70), At(100)), width: 1000);

        var lanes = TimelineSnapshotMarks.Place(layout,
            [Snapshot("of-first", scenario.InstanceNumber(1).Uid, 10, "COMPLETED"), Snapshot("orphan", "unknown-uid", 80, "FAILED") with { InstanceUid = null }]);

        Assert.Empty(lanes);
    }

    [Fact]
    public void The_blocking_snapshots_are_the_latest_failed_savepoints_since_the_last_good_one()
    {
        var snapshots = new[]
        {
            Snapshot("good", "u1", 10, "COMPLETED"),
            Snapshot("failed-1", "u1", 20, "FAILED", error: "declined"),
            Snapshot("checkpoint", "u1", 25, "COMPLETED", type: "CHECKPOINT"),
            Snapshot("failed-2", "u1", 30, "ABANDONED"),
        };

        Assert.Equal(["failed-1", "failed-2"], TimelineSnapshotMarks.Blocking(snapshots).Select(s => s.Name));
        Assert.Empty(TimelineSnapshotMarks.Blocking([.. snapshots, Snapshot("good-again", "u1", 40, "COMPLETED")]));
    }
}
