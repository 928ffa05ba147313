using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

public sealed class TimelineLayoutTests
{
    [Fact]
    public void Instances_that_overlap_while_a_savepoint_is_taken_sit_on_different_rows()
    {
        var layout = SavepointUpgrade().Layout();

        var first = layout.Instances.Single(b => b.Instance.Sequence == 1);
        var second = layout.Instances.Single(b => b.Instance.Sequence == 2);
        Assert.True(second.X < first.X + first.Width, "#2 starts before #1 ends");
        Assert.NotEqual(first.Row, second.Row);
        Assert.Equal(2, layout.InstanceRows);
    }

    [Fact]
    public void An_instance_that_starts_when_the_previous_one_ends_reuses_its_row()
    {
        var layout = FailingSavepointThenRevert().Layout();

        var second = layout.Instances.Single(b => b.Instance.Sequence == 2);
        var third = layout.Instances.Single(b => b.Instance.Sequence == 3);
        Assert.Equal(second.Row, third.Row);
        Assert.Equal(2, layout.InstanceRows);
    }

    [Fact]
    public void An_instance_without_a_cluster_is_marked_as_never_deployed()
    {
        var layout = FailingSavepointThenRevert().Layout();

        Assert.Equal([true, false, false], layout.Instances.Select(b => b.WasDeployed));
    }

    [Fact]
    public void Only_the_current_instance_is_marked_current()
    {
        var layout = FailingSavepointThenRevert().Layout();

        Assert.Equal(1, layout.Instances.Single(b => b.IsCurrent).Instance.Sequence);
    }

    [Fact]
    public void A_cluster_bar_knows_its_owner_instance()
    {
        var layout = SavepointUpgrade().Layout();

        Assert.Equal([1, 2], layout.Clusters.Select(c => c.Owner!.Sequence));
    }

    [Fact]
    public void A_cluster_whose_owner_was_pruned_has_no_owner()
    {
        var scenario = SavepointUpgrade();
        var layout = TimelineLayout.Compute([scenario.InstanceNumber(2)], scenario.Clusters, scenario.Current?.Uid, scenario.FitRange(), scenario.Now, 1000);

        Assert.Null(layout.Clusters.Single(c => c.Cluster.Uid == "c1-uid").Owner);
    }

    [Fact]
    public void A_cluster_handed_over_in_place_is_one_bar_in_two_segments_split_at_the_hand_over()
    {
        var layout = InPlaceHandOver().Layout(new TimelineRange(At(0), At(120)), width: 1200);

        var bar = Assert.Single(layout.Clusters);
        Assert.Equal([1, 2], bar.Segments.Select(s => s.Instance!.Sequence));
        Assert.Equal((10, 600), (bar.Segments[0].X, bar.Segments[0].X + bar.Segments[0].Width), new RoundedPair());
        Assert.Equal((600, 1200), (bar.Segments[1].X, bar.Segments[1].X + bar.Segments[1].Width), new RoundedPair());
        Assert.Equal([false, true], bar.Segments.Select(s => s.StartsWithHandOver));
        Assert.Equal(2, bar.Owner!.Sequence);
    }

    [Fact]
    public void A_cluster_never_handed_over_is_one_segment_as_wide_as_its_bar()
    {
        var bar = SavepointUpgrade().Layout().Clusters[0];

        var segment = Assert.Single(bar.Segments);
        Assert.Equal((bar.X, bar.Width), (segment.X, segment.Width));
    }

    [Fact]
    public void A_hand_over_before_the_range_leaves_only_the_newer_instances_segment()
    {
        var layout = InPlaceHandOver().Layout(new TimelineRange(At(70), At(120)), width: 500);

        Assert.Equal([2], layout.Clusters.Single().Segments.Select(s => s.Instance!.Sequence));
    }

    [Fact]
    public void The_instance_a_cluster_was_handed_over_from_was_deployed()
    {
        var layout = InPlaceHandOver().Layout();

        Assert.Equal([true, true], layout.Instances.Select(b => b.WasDeployed));
    }

    [Fact]
    public void Clusters_that_do_not_overlap_share_one_row()
    {
        var layout = SavepointUpgrade().Layout();

        Assert.Equal(1, layout.ClusterRows);
    }

    [Fact]
    public void Open_ended_bars_reach_now()
    {
        var scenario = FailingSavepointThenRevert();
        var range = new TimelineRange(At(0), At(240));

        var layout = scenario.Layout(range, width: 1200);

        var third = layout.Instances.Single(b => b.Instance.Sequence == 3);
        Assert.True(third.IsOpenEnded);
        Assert.Equal(900, third.X + third.Width, precision: 6);
        Assert.Equal(900, layout.NowX!.Value, precision: 6);
    }

    [Fact]
    public void Ended_bars_are_not_open_ended()
    {
        var layout = FailingSavepointThenRevert().Layout();

        Assert.False(layout.Instances.Single(b => b.Instance.Sequence == 2).IsOpenEnded);
    }

    [Fact]
    public void Bars_are_placed_proportionally_to_time()
    {
        var layout = FailingSavepointThenRevert().Layout(new TimelineRange(At(0), At(200)), width: 1000);

        var second = layout.Instances.Single(b => b.Instance.Sequence == 2);
        Assert.Equal(300, second.X, precision: 6);
        Assert.Equal(300, second.Width, precision: 6);
    }

    [Fact]
    public void Zooming_in_clips_bars_to_the_range_and_drops_those_outside()
    {
        var layout = FailingSavepointThenRevert().Layout(new TimelineRange(At(30), At(90)), width: 600);

        Assert.Equal([1, 2], layout.Instances.Select(b => b.Instance.Sequence));
        var first = layout.Instances.Single(b => b.Instance.Sequence == 1);
        Assert.True(first.ClippedAtStart);
        Assert.True(first.ClippedAtEnd);
        Assert.Equal(0, first.X);
        Assert.Equal(600, first.Width, precision: 6);
        var second = layout.Instances.Single(b => b.Instance.Sequence == 2);
        Assert.False(second.ClippedAtStart);
        Assert.True(second.ClippedAtEnd);
    }

    [Fact]
    public void A_very_short_lifetime_is_widened_to_stay_visible()
    {
        var blink = Instance(1, 0, endedAt: 0);

        var layout = TimelineLayout.Compute([blink], [], null, new TimelineRange(At(-60), At(60)), At(60), 1000);

        Assert.Equal(TimelineLayout.MinimumBarWidth, layout.Instances.Single().Width);
    }

    [Fact]
    public void Ticks_lie_inside_the_range_in_order_and_far_enough_apart()
    {
        var layout = SavepointUpgrade().Layout(width: 800);

        Assert.NotEmpty(layout.Ticks);
        Assert.All(layout.Ticks, t => Assert.InRange(t.X, 0, 800));
        Assert.All(layout.Ticks.Zip(layout.Ticks.Skip(1)), pair => Assert.True(pair.Second.X - pair.First.X >= TimelineLayout.MinimumTickSpacing - 0.001));
    }

    [Fact]
    public void Ticks_fall_on_round_times_with_readable_labels()
    {
        var ticks = TimelineLayout.TicksFor(new TimelineRange(At(-7), At(125)), 1000);

        Assert.Equal(["Mar 1 10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45", "12:00"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Day_long_steps_are_labelled_with_the_date()
    {
        var ticks = TimelineLayout.TicksFor(new TimelineRange(At(0), At(60 * 24 * 10)), 1000);

        Assert.Equal("Mar 2", ticks[0].Label);
    }

    [Fact]
    public void Fitting_spans_the_first_start_to_now_with_a_margin()
    {
        var range = TimelineWindow.Fit.Resolve([At(0), At(50)], At(100));

        Assert.True(range.From < At(0));
        Assert.True(range.To > At(100));
        Assert.Equal(At(-4), range.From);
        Assert.Equal(At(104), range.To);
    }

    [Fact]
    public void A_last_duration_window_ends_at_now()
    {
        var range = TimelineWindow.LastDuration(TimeSpan.FromHours(1)).Resolve([At(0)], At(300));

        Assert.Equal(new TimelineRange(At(240), At(300)), range);
    }

    [Fact]
    public void Zooming_keeps_the_centre_of_the_range()
    {
        var range = new TimelineRange(At(0), At(100));

        Assert.Equal(new TimelineRange(At(25), At(75)), range.ZoomedIn());
        Assert.Equal(new TimelineRange(At(-50), At(150)), range.ZoomedOut());
        Assert.Equal(new TimelineRange(At(-50), At(50)), range.Panned(-0.5));
    }

    [Fact]
    public void A_hundred_instances_and_a_hundred_clusters_are_laid_out_without_overlap_in_a_row()
    {
        var instances = Enumerable.Range(1, 100).Select(i => Instance(i, i * 10, endedAt: i * 10 + 25)).ToList();
        var clusters = instances.Select(i => Cluster($"c{i.Sequence}", i, (int)(i.CreatedAt - T0).TotalMinutes + 1, (int)(i.EndedAt!.Value - T0).TotalMinutes)).ToList();

        var layout = TimelineLayout.Compute(instances, clusters, null, new TimelineRange(At(0), At(1100)), At(1100), 1000);

        Assert.Equal(100, layout.Instances.Count);
        Assert.Equal(100, layout.Clusters.Count);
        foreach (var row in layout.Instances.GroupBy(b => b.Row))
        {
            var bars = row.OrderBy(b => b.X).ToList();
            Assert.All(bars.Zip(bars.Skip(1)), pair => Assert.True(pair.First.X + pair.First.Width <= pair.Second.X + 0.001));
        }
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(double.NegativeInfinity)]
    public void A_width_from_the_browser_is_clamped_and_draws_a_bounded_number_of_ticks(double width)
    {
        var layout = SavepointUpgrade().Layout(width: width);

        Assert.InRange(layout.Width, TimelineLayout.MinimumWidth, TimelineLayout.MaximumWidth);
        Assert.InRange(layout.Ticks.Count, 1, TimelineLayout.MaximumTicks);
        Assert.All(layout.Ticks, t => Assert.InRange(t.X, 0, layout.Width));
        Assert.All(layout.Instances, b => Assert.InRange(b.X + b.Width, 0, layout.Width + 0.001));
    }

    [Fact]
    public void A_width_of_1e12_over_a_year_draws_no_more_ticks_than_the_widest_screen()
    {
        var year = new TimelineRange(At(0), At(60 * 24 * 365));

        var ticks = TimelineLayout.TicksFor(year, 1e12);

        Assert.Equal(TimelineLayout.TicksFor(year, TimelineLayout.MaximumWidth).Count, ticks.Count);
        Assert.InRange(ticks.Count, 1, TimelineLayout.MaximumTicks);
    }

    [Fact]
    public void A_range_of_ten_thousand_years_coarsens_the_yearly_step_to_stay_within_the_tick_cap()
    {
        var ages = new TimelineRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        var ticks = TimelineLayout.TicksFor(ages, TimelineLayout.MaximumWidth);

        Assert.InRange(ticks.Count, 2, TimelineLayout.MaximumTicks);
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.True(pair.Second.X - pair.First.X >= TimelineLayout.MinimumTickSpacing - 0.001));
        Assert.EndsWith(ticks[1].Time.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ticks[1].Label, StringComparison.Ordinal);
    }

    /// <summary>Compares pixel pairs to a thousandth of a pixel.</summary>
    private sealed class RoundedPair : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 0.001 && Math.Abs(x.Item2 - y.Item2) < 0.001;

        public int GetHashCode((double, double) obj) => 0;
    }
}
