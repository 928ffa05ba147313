using AngleSharp.Dom;
using Bunit;
using Cmf.Core.Tracking;
using Cmf.Dashboard;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components.Web;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceTimelineTests : DashboardTestContext
{
    private IRenderedComponent<InstanceTimeline> RenderTimeline(Scenario scenario, Action<ComponentParameterCollectionBuilder<InstanceTimeline>>? more = null) =>
        Render<InstanceTimeline>(p =>
        {
            p.Add(c => c.Instances, scenario.Instances)
                .Add(c => c.Clusters, scenario.Clusters)
                .Add(c => c.CurrentInstanceUid, scenario.Current?.Uid)
                .Add(c => c.PendingInstanceUid, scenario.Pending?.Uid)
                .Add(c => c.ErrorEpisode, scenario.ErrorEpisode)
                .Add(c => c.Now, scenario.Now);
            more?.Invoke(p);
        });

    private static IElement Bar(IRenderedComponent<InstanceTimeline> cut, InstanceState instance) =>
        cut.Find($".instance-timeline__instance[data-instance='{instance.Uid}']");

    private static double RectY(IElement bar) => double.Parse(bar.QuerySelector("rect")!.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Instances_one_and_two_overlapping_during_the_savepoint_are_drawn_on_different_rows()
    {
        var scenario = SavepointUpgrade();

        var cut = RenderTimeline(scenario);

        Assert.NotEqual(RectY(Bar(cut, scenario.InstanceNumber(1))), RectY(Bar(cut, scenario.InstanceNumber(2))));
    }

    [Fact]
    public void An_instance_that_never_got_a_cluster_is_drawn_hatched_and_labelled_never_deployed()
    {
        var scenario = FailingSavepointThenRevert();

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Window, TimelineWindow.Range(new TimelineRange(At(0), At(180)))));

        var second = Bar(cut, scenario.InstanceNumber(2));
        Assert.Contains("instance-timeline__instance--no-cluster", second.ClassList);
        Assert.Equal("#2 · never deployed", second.QuerySelector(".instance-timeline__label")!.TextContent);
        Assert.Contains("url(#hatch-", second.QuerySelector("rect")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("instance-timeline__instance--deployed", Bar(cut, scenario.InstanceNumber(1)).ClassList);
    }

    [Fact]
    public void In_the_failing_variant_no_cluster_belongs_to_instance_two()
    {
        var cut = RenderTimeline(FailingSavepointThenRevert());

        var ran = cut.FindAll(".instance-timeline__cluster > title").Select(t => t.TextContent.Split('\n')[1]);
        Assert.Equal(["Ran: instance #1 (00000000-0000-0000-0000-000000000001)"], ran);
    }

    [Fact]
    public void The_current_instance_is_marked_current()
    {
        var scenario = FailingSavepointThenRevert();

        var cut = RenderTimeline(scenario);

        var current = Assert.Single(cut.FindAll(".instance-timeline__instance--current"));
        Assert.Equal(scenario.InstanceNumber(1).Uid, current.GetAttribute("data-instance"));
        Assert.Equal("#1 · current", current.QuerySelector(".instance-timeline__label")!.TextContent);
    }

    [Fact]
    public void A_cluster_bar_carries_its_owners_number_and_colour()
    {
        var scenario = SavepointUpgrade();

        var cut = RenderTimeline(scenario);

        var cluster = cut.Find(".instance-timeline__cluster[data-cluster='c2-uid']");
        Assert.Equal("#2 · c2-uid", cluster.QuerySelector(".instance-timeline__label")!.TextContent);
        Assert.Contains("instance-timeline--owner-1", cluster.ClassList);
        Assert.Contains("instance-timeline--owner-1", Bar(cut, scenario.InstanceNumber(2)).ClassList);
    }

    [Fact]
    public void Hovering_an_instance_shows_its_number_uid_times_and_job_state()
    {
        var scenario = SavepointUpgrade();

        var title = Bar(RenderTimeline(scenario), scenario.InstanceNumber(1)).QuerySelector("title")!.TextContent;

        Assert.Equal(
            "Instance #1\nUID: 00000000-0000-0000-0000-000000000001\nCreated: 2025-03-01T10:00:00Z\nEnded: 2025-03-01T11:05:00Z\nJob state: FINISHED (stopped with a savepoint for an upgrade)",
            title);
    }

    [Fact]
    public void Hovering_an_instance_says_what_became_of_it()
    {
        var scenario = FailingSavepointThenRevert();

        var cut = RenderTimeline(scenario);

        Assert.EndsWith("\nOutcome: never deployed", Bar(cut, scenario.InstanceNumber(2)).QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("\nOutcome: reverted to #1's spec; #1 keeps running", Bar(cut, scenario.InstanceNumber(3)).QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocked_pending_instance_is_labelled_pending_and_its_hover_names_the_error()
    {
        var scenario = BlockedUpgrade();

        var bar = Bar(RenderTimeline(scenario), scenario.InstanceNumber(2));

        Assert.Equal("#2 · pending", bar.QuerySelector(".instance-timeline__label")!.TextContent);
        Assert.EndsWith("\nOutcome: pending, upgrade blocked: Savepoint Error (seen 3 times since 11:01:00 UTC)", bar.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("instance-timeline__instance--no-cluster", bar.ClassList);
    }

    [Fact]
    public void A_cluster_handed_over_in_place_is_drawn_in_a_segment_per_instance_in_its_colour()
    {
        var cut = RenderTimeline(InPlaceHandOver());

        var segments = cut.FindAll(".instance-timeline__cluster[data-cluster='c1-uid']");
        Assert.Equal(["#1 · c1-uid", "#2 · c1-uid"], segments.Select(s => s.QuerySelector(".instance-timeline__label")!.TextContent));
        Assert.Contains("instance-timeline--owner-0", segments[0].ClassList);
        Assert.Contains("instance-timeline--owner-1", segments[1].ClassList);
        Assert.Contains("instance-timeline__cluster--handed-over", segments[1].ClassList);
    }

    [Fact]
    public void Hovering_a_handed_over_cluster_says_when_and_between_which_instances()
    {
        var cut = RenderTimeline(InPlaceHandOver());

        var titles = cut.FindAll(".instance-timeline__cluster[data-cluster='c1-uid'] > title").Select(t => t.TextContent).ToList();
        Assert.All(titles, title => Assert.Contains("\nHanded over in place from #1 to #2 at 2025-03-01T11:00:00Z\n", title, StringComparison.Ordinal));
        Assert.Equal("Handed over in place from #1 to #2 at 2025-03-01T11:00:00Z", cut.Find(".instance-timeline__handover title").TextContent);
    }

    [Fact]
    public void Clicking_each_segment_of_a_handed_over_cluster_reports_its_own_instance()
    {
        var scenario = InPlaceHandOver();
        var selected = new List<InstanceState>();
        var cut = RenderTimeline(scenario, p => p.Add(c => c.OnSelect, instance => selected.Add(instance)));

        for (var i = 0; i < 2; i++)
        {
            cut.FindAll(".instance-timeline__cluster[data-cluster='c1-uid']")[i].Click();
        }

        Assert.Equal([scenario.InstanceNumber(1), scenario.InstanceNumber(2)], selected);
    }

    [Fact]
    public void A_bars_accessible_name_contains_the_label_it_shows()
    {
        var scenario = FailingSavepointThenRevert();

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Environment, "prod").Add(c => c.Application, "orders"));

        var labelled = cut.FindAll("a[aria-label]").Where(bar => bar.QuerySelector(".instance-timeline__label") is not null).ToList();
        Assert.Contains(labelled, bar => bar.ClassList.Contains("instance-timeline__instance--current"));
        Assert.Contains(labelled, bar => bar.ClassList.Contains("instance-timeline__instance--no-cluster"));
        Assert.Contains(labelled, bar => bar.ClassList.Contains("instance-timeline__cluster"));
        Assert.All(labelled, bar =>
            Assert.Contains(bar.QuerySelector(".instance-timeline__label")!.TextContent, bar.GetAttribute("aria-label"), StringComparison.Ordinal));
    }

    [Fact]
    public void Each_segment_of_a_handed_over_cluster_has_an_accessible_name_with_its_label()
    {
        var cut = RenderTimeline(InPlaceHandOver(), p => p.Add(c => c.Environment, "prod").Add(c => c.Application, "orders"));

        var segments = cut.FindAll("a.instance-timeline__cluster");
        Assert.Equal(2, segments.Count);
        Assert.All(segments, segment =>
            Assert.Contains(segment.QuerySelector(".instance-timeline__label")!.TextContent, segment.GetAttribute("aria-label"), StringComparison.Ordinal));
    }

    [Fact]
    public void A_cluster_whose_end_was_not_watched_says_its_end_is_approximate()
    {
        var first = Instance(1, 0);
        var scenario = new Scenario([first], [Cluster("c1-uid", first, 1, endedAt: 30, approximate: true)], first, At(60));

        var cluster = RenderTimeline(scenario).Find(".instance-timeline__cluster");

        Assert.Contains("instance-timeline__cluster--approximate-end", cluster.ClassList);
        Assert.Contains("Ended: 2025-03-01T10:30:00Z (approximate", cluster.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_an_instance_reports_it()
    {
        var scenario = SavepointUpgrade();
        InstanceState? selected = null;
        var cut = RenderTimeline(scenario, p => p.Add(c => c.OnSelect, instance => selected = instance));

        Bar(cut, scenario.InstanceNumber(2)).Click();

        Assert.Equal(scenario.InstanceNumber(2), selected);
    }

    [Fact]
    public void Enter_on_a_focused_instance_reports_it()
    {
        var scenario = SavepointUpgrade();
        InstanceState? selected = null;
        var cut = RenderTimeline(scenario, p => p.Add(c => c.OnSelect, instance => selected = instance));

        var bar = Bar(cut, scenario.InstanceNumber(1));
        bar.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("0", bar.GetAttribute("tabindex"));
        Assert.Equal("button", bar.GetAttribute("role"));
        Assert.Equal(scenario.InstanceNumber(1), selected);
    }

    [Fact]
    public void Clicking_a_cluster_reports_its_owner()
    {
        var scenario = SavepointUpgrade();
        InstanceState? selected = null;
        var cut = RenderTimeline(scenario, p => p.Add(c => c.OnSelect, instance => selected = instance));

        cut.Find(".instance-timeline__cluster[data-cluster='c1-uid']").Click();

        Assert.Equal(scenario.InstanceNumber(1), selected);
    }

    [Fact]
    public void With_an_application_the_bars_link_to_the_instance_pages()
    {
        var scenario = SavepointUpgrade();

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Environment, "prod").Add(c => c.Application, "orders"));

        Assert.Equal(DashboardUrls.InstanceUrl("prod", "orders", scenario.InstanceNumber(2).Uid), Bar(cut, scenario.InstanceNumber(2)).GetAttribute("href"));
    }

    [Fact]
    public void In_embed_mode_the_bar_links_stay_inside_the_embed()
    {
        var scenario = SavepointUpgrade();

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Environment, "prod").Add(c => c.Application, "orders").AddCascadingValue(EmbedMode.Embedded));

        Assert.All(cut.FindAll("a"), link => Assert.True(EmbedUrl.IsEmbedded(link.GetAttribute("href")!)));
        Assert.Equal(4, cut.FindAll("a").Count);
    }

    [Fact]
    public void Zooming_in_asks_the_page_for_half_the_range_around_the_same_centre()
    {
        var scenario = SavepointUpgrade();
        TimelineWindow? asked = null;
        var range = new TimelineRange(At(0), At(120));
        var cut = RenderTimeline(scenario, p => p.Add(c => c.Window, TimelineWindow.Range(range)).Add(c => c.WindowChanged, w => asked = w));

        cut.Find("button[aria-label='Zoom in']").Click();

        Assert.Equal(new TimelineRange(At(30), At(90)), asked!.Between);
    }

    [Fact]
    public void Fit_is_offered_only_when_zoomed()
    {
        var cut = RenderTimeline(SavepointUpgrade());
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Fit").HasAttribute("disabled"));

        cut.Find("button[aria-label='Zoom out']").Click();

        Assert.False(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Fit").HasAttribute("disabled"));
    }

    [Fact]
    public void The_axis_has_readable_tick_labels()
    {
        var cut = RenderTimeline(SavepointUpgrade(), p => p.Add(c => c.Window, TimelineWindow.Range(new TimelineRange(At(0), At(120)))));

        Assert.Equal(["Mar 1 10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45", "12:00"],
            cut.FindAll(".instance-timeline__tick").Select(t => t.TextContent));
    }

    [Fact]
    public void A_hundred_instances_and_a_hundred_clusters_are_all_drawn()
    {
        var instances = Enumerable.Range(1, 100).Select(i => Instance(i, i * 10, endedAt: i * 10 + 25)).ToList();
        var clusters = instances.Select(i => Cluster($"c{i.Sequence}", i, (int)(i.CreatedAt - T0).TotalMinutes + 1)).ToList();

        var cut = RenderTimeline(new Scenario(instances, clusters, instances[^1], At(1100)));

        Assert.Equal(100, cut.FindAll(".instance-timeline__instance").Count);
        Assert.Equal(100, cut.FindAll(".instance-timeline__cluster").Count);
    }

    [Fact]
    public void A_hostile_uid_is_shown_as_text_in_the_hover_details()
    {
        var hostile = Instance(1, 0) with { Uid = HostileText.Script + HostileText.ImageOnError };

        var cut = RenderTimeline(new Scenario([hostile], [], hostile, At(60)));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Contains(HostileText.Script, cut.Find(".instance-timeline__instance title").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    public async Task A_forged_width_from_the_browser_draws_a_bounded_svg_with_a_bounded_number_of_ticks(double width)
    {
        var cut = RenderTimeline(SavepointUpgrade());

        await cut.InvokeAsync(() => cut.Instance.OnWidthChanged(width));

        var viewBox = cut.Find(".instance-timeline__svg").GetAttribute("viewBox")!.Split(' ');
        var drawn = double.Parse(viewBox[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(drawn, 1, TimelineLayout.MaximumWidth + 100);
        Assert.InRange(cut.FindAll(".instance-timeline__tick").Count, 1, TimelineLayout.MaximumTicks);
    }

    private static Cmf.Core.Storage.Views.SnapshotView Snapshot(string name, InstanceState instance, int minutes, string? state,
        string? path = null, string? error = null, string triggerType = "PERIODIC") =>
        TimelineSnapshotMarksTests.Snapshot(name, instance.Uid, minutes, state, triggerType, path, error);

    [Fact]
    public void Savepoints_are_marked_on_their_instances_bar_with_a_shape_per_state()
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1);
        var second = scenario.InstanceNumber(2);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots,
        [
            Snapshot("sp-ok", first, 30, "COMPLETED", path: "s3://sp/ok"),
            Snapshot("sp-bad", first, 40, "FAILED", error: "CheckpointException: declined"),
            Snapshot("sp-now", second, 90, "IN_PROGRESS"),
        ]));

        var marks = cut.FindAll(".instance-timeline__snapshot");
        Assert.Equal(["sp-ok", "sp-bad", "sp-now"], marks.Select(m => m.GetAttribute("data-snapshot")));
        Assert.Equal([first.Uid, first.Uid, second.Uid], marks.Select(m => m.ParentElement!.GetAttribute("data-instance")));
        // Not by colour alone: each state is its own shape.
        Assert.Equal("path", marks[0].QuerySelector(".instance-timeline__snapshot-shape")!.TagName.ToLowerInvariant());
        Assert.Contains("Z", marks[0].QuerySelector("path")!.GetAttribute("d"), StringComparison.Ordinal);
        Assert.DoesNotContain("Z", marks[1].QuerySelector("path")!.GetAttribute("d"), StringComparison.Ordinal);
        Assert.Equal("circle", marks[2].QuerySelector(".instance-timeline__snapshot-shape")!.TagName.ToLowerInvariant());
        Assert.Contains("instance-timeline__snapshot--completed", marks[0].ClassList);
        Assert.Contains("instance-timeline__snapshot--failed", marks[1].ClassList);
        Assert.Contains("instance-timeline__snapshot--in-progress", marks[2].ClassList);
    }

    [Fact]
    public void A_marks_title_says_type_trigger_state_and_path_or_error()
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots,
        [
            Snapshot("sp-ok", first, 30, "COMPLETED", path: "s3://sp/ok", triggerType: "UPGRADE"),
            Snapshot("sp-bad", first, 40, "ABANDONED", error: "CheckpointException: declined"),
        ]));

        var titles = cut.FindAll(".instance-timeline__snapshot > title").Select(t => t.TextContent).ToList();
        Assert.Equal(
            $"Savepoint sp-ok\nType: SAVEPOINT\nTrigger: UPGRADE\nState: COMPLETED\nCreated: {RelativeTimeText.Iso(At(30))}\nPath: s3://sp/ok",
            titles[0]);
        Assert.Equal(
            $"Savepoint sp-bad\nType: SAVEPOINT\nTrigger: PERIODIC\nState: ABANDONED\nCreated: {RelativeTimeText.Iso(At(40))}\nError: CheckpointException: declined\nFailures: 1",
            titles[1]);
        Assert.Equal(titles[1], cut.FindAll(".instance-timeline__snapshot")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void A_mark_is_drawn_inside_its_bar()
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots, [Snapshot("late", first, 100, "COMPLETED")]));

        var rect = Bar(cut, first).QuerySelector("rect")!;
        var barEnd = Number(rect.GetAttribute("x")) + Number(rect.GetAttribute("width"));
        var d = cut.Find(".instance-timeline__snapshot path").GetAttribute("d")!;
        var centre = Number(d[1..d.IndexOf(',', StringComparison.Ordinal)]);
        Assert.Equal(barEnd, centre, precision: 1);
    }

    [Fact]
    public void A_bar_with_too_many_snapshots_draws_the_newest_and_says_how_many_are_left_out()
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1);
        var many = Enumerable.Range(0, TimelineSnapshotMarks.MaxPerBar + 7)
            .Select(i => Snapshot($"sp-{i:D3}", first, 0, "COMPLETED") with { CreatedAt = At(1).AddSeconds(i * 30) })
            .ToArray();

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots, many));

        Assert.Equal(TimelineSnapshotMarks.MaxPerBar, cut.FindAll(".instance-timeline__snapshot").Count);
        Assert.Equal("sp-007", cut.FindAll(".instance-timeline__snapshot")[0].GetAttribute("data-snapshot"));
        var note = cut.Find(".instance-timeline__snapshots-omitted");
        Assert.Equal("+7", note.QuerySelector("text")!.TextContent);
        Assert.Equal($"7 older snapshots not drawn (the newest {TimelineSnapshotMarks.MaxPerBar} are)", note.QuerySelector("title")!.TextContent);
        Assert.EndsWith($"\n7 older snapshots not drawn (the newest {TimelineSnapshotMarks.MaxPerBar} are)", Bar(cut, first).QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocked_upgrade_marks_the_failing_savepoint_on_the_running_instance_and_names_it_on_the_pending_bar()
    {
        var scenario = BlockedUpgrade();
        var first = scenario.InstanceNumber(1);
        var second = scenario.InstanceNumber(2);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots,
        [
            Snapshot("sp-good", first, 30, "COMPLETED", path: "s3://sp/good"),
            Snapshot("sp-upgrade", first, 61, "FAILED", error: "CheckpointException: declined", triggerType: "UPGRADE"),
        ]));

        var failing = cut.Find(".instance-timeline__snapshot[data-snapshot='sp-upgrade']");
        Assert.Contains("instance-timeline__snapshot--failed", failing.ClassList);
        Assert.Equal(first.Uid, failing.ParentElement!.GetAttribute("data-instance"));
        var pending = Bar(cut, second);
        Assert.Contains("instance-timeline__instance--snapshot-blocked", pending.ClassList);
        Assert.Equal("#2 · pending · savepoint failed", pending.QuerySelector(".instance-timeline__label")!.TextContent);
        Assert.Contains("\nBlocked by savepoint sp-upgrade (FAILED) of the running job: CheckpointException: declined",
            pending.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("instance-timeline__instance--snapshot-blocked", Bar(cut, first).ClassList);
    }

    [Fact]
    public void A_pending_upgrade_whose_last_savepoint_completed_has_no_snapshot_hint()
    {
        var scenario = BlockedUpgrade();
        var first = scenario.InstanceNumber(1);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots,
        [
            Snapshot("sp-bad", first, 30, "FAILED", error: "declined"),
            Snapshot("sp-good", first, 61, "COMPLETED", path: "s3://sp/good"),
        ]));

        var pending = Bar(cut, scenario.InstanceNumber(2));
        Assert.Equal("#2 · pending", pending.QuerySelector(".instance-timeline__label")!.TextContent);
        Assert.DoesNotContain("Blocked by", pending.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileText.All), MemberType = typeof(HostileText))]
    public void Hostile_snapshot_text_is_shown_inert_in_the_marks_title(string hostile)
    {
        var scenario = BlockedUpgrade();
        var first = scenario.InstanceNumber(1);

        var cut = RenderTimeline(scenario, p => p.Add(c => c.Snapshots,
            [Snapshot(hostile, first, 61, "FAILED", path: hostile, error: hostile, triggerType: hostile)]));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        var title = cut.Find(".instance-timeline__snapshot > title").TextContent;
        Assert.StartsWith($"Savepoint {hostile}\nType: SAVEPOINT\nTrigger: {hostile}\n", title, StringComparison.Ordinal);
        Assert.Contains($"\nError: {hostile}", title, StringComparison.Ordinal);
        Assert.Contains($": {hostile}", Bar(cut, scenario.InstanceNumber(2)).QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    private static double Number(string? text) => double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);
}
