using Cmf.Core.Tracking;
using System.Globalization;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The timeline's geometry, without rendering: instance and cluster bars on a shared time axis, overlapping
/// bars stacked into sub-rows, open-ended bars drawn up to now, everything clipped to the range.
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>Bars narrower than this are widened so a short-lived instance stays visible and clickable.</summary>
    public const double MinimumBarWidth = 4;

    /// <summary>Ticks are spaced at least this far apart so their labels do not collide.</summary>
    public const double MinimumTickSpacing = 96;

    /// <summary>
    /// The widest plot drawn: the browser reports the width it has (one unit a pixel), and an 8K screen is 7,680 pixels
    /// wide. A wider report (or a forged one, 1e12) is drawn at this width.
    /// </summary>
    public const double MaximumWidth = 8192;

    /// <summary>The narrowest plot drawn: a width that is not a usable number (NaN, zero, negative) is drawn at this width.</summary>
    public const double MinimumWidth = 64;

    /// <summary>
    /// At most this many ticks, whatever the width and range: ticks keep <see cref="MinimumTickSpacing"/> apart on a plot
    /// at most <see cref="MaximumWidth"/> wide (a range of centuries steps by whole years rather than one tick a year).
    /// </summary>
    public const int MaximumTicks = (int)(MaximumWidth / MinimumTickSpacing) + 1;

    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(365),
    ];

    private TimelineLayout(TimelineRange range, double width, IReadOnlyList<TimelineInstanceBar> instances, int instanceRows,
        IReadOnlyList<TimelineClusterBar> clusters, int clusterRows, IReadOnlyList<TimelineTick> ticks, double? nowX)
    {
        Range = range;
        Width = width;
        Instances = instances;
        InstanceRows = instanceRows;
        Clusters = clusters;
        ClusterRows = clusterRows;
        Ticks = ticks;
        NowX = nowX;
    }

    public TimelineRange Range { get; }

    public double Width { get; }

    /// <summary>Visible instance bars, ordered by start.</summary>
    public IReadOnlyList<TimelineInstanceBar> Instances { get; }

    public int InstanceRows { get; }

    /// <summary>Visible cluster bars, ordered by start.</summary>
    public IReadOnlyList<TimelineClusterBar> Clusters { get; }

    public int ClusterRows { get; }

    public IReadOnlyList<TimelineTick> Ticks { get; }

    /// <summary>Where "now" is, when it is inside the range.</summary>
    public double? NowX { get; }

    public static TimelineLayout Compute(
        IReadOnlyList<InstanceState> instances,
        IReadOnlyList<ClusterState> clusters,
        string? currentInstanceUid,
        TimelineRange range,
        DateTimeOffset now,
        double width)
    {
        width = ClampWidth(width);
        var scale = new Scale(range, width);
        var owners = instances.ToDictionary(i => i.Uid);
        var deployed = clusters.SelectMany(ClusterStint.Of).Select(s => s.InstanceUid).ToHashSet();

        var instanceSpans = instances
            .Select(i => (Item: i, Span: scale.Place(i.CreatedAt, i.EndedAt, now)))
            .Where(p => p.Span is not null)
            .OrderBy(p => p.Item.CreatedAt).ThenBy(p => p.Item.Sequence)
            .ToList();
        var instanceRows = AssignRows(instanceSpans.Select(p => p.Span!.Value).ToList(), out var instanceRowOf);
        var instanceBars = instanceSpans.Select((p, index) => new TimelineInstanceBar(
            p.Item, p.Span!.Value.X, p.Span.Value.Width, instanceRowOf[index],
            IsCurrent: p.Item.Uid == currentInstanceUid,
            WasDeployed: deployed.Contains(p.Item.Uid),
            p.Span.Value.IsOpenEnded, p.Span.Value.ClippedAtStart, p.Span.Value.ClippedAtEnd)).ToList();

        var clusterSpans = clusters
            .Select(c => (Item: c, Span: scale.Place(c.StartedAt, c.EndedAt, now)))
            .Where(p => p.Span is not null)
            .OrderBy(p => p.Item.StartedAt).ThenBy(p => p.Item.Uid, StringComparer.Ordinal)
            .ToList();
        var clusterRows = AssignRows(clusterSpans.Select(p => p.Span!.Value).ToList(), out var clusterRowOf);
        var clusterBars = clusterSpans.Select((p, index) => new TimelineClusterBar(
            p.Item, owners.GetValueOrDefault(p.Item.OwnerInstanceUid), p.Span!.Value.X, p.Span.Value.Width, clusterRowOf[index],
            p.Span.Value.IsOpenEnded, p.Span.Value.ClippedAtStart, p.Span.Value.ClippedAtEnd,
            Segments(p.Item, p.Span.Value, scale, owners))).ToList();

        double? nowX = now >= range.From && now <= range.To ? scale.X(now) : null;
        return new TimelineLayout(range, width, instanceBars, instanceRows, clusterBars, clusterRows, TicksFor(range, width), nowX);
    }

    /// <summary>The width the layout draws at: <paramref name="width"/> within <see cref="MinimumWidth"/>..<see cref="MaximumWidth"/>.</summary>
    public static double ClampWidth(double width) =>
        double.IsNaN(width) ? MinimumWidth : Math.Clamp(width, MinimumWidth, MaximumWidth);

    /// <summary>
    /// Labelled ticks at a round step (1 s .. 1 y, then whole years) chosen so that labels keep their distance, so
    /// never more than <see cref="MaximumTicks"/>.
    /// </summary>
    public static IReadOnlyList<TimelineTick> TicksFor(TimelineRange range, double width)
    {
        width = ClampWidth(width);
        var scale = new Scale(range, width);
        var minimumStep = range.Duration * (MinimumTickSpacing / width);
        var step = TickSteps.FirstOrDefault(s => s >= minimumStep, TimeSpan.Zero);
        if (step == TimeSpan.Zero)
        {
            step = TickSteps[^1] * Math.Ceiling(minimumStep / TickSteps[^1]);
        }
        var firstTicks = (range.From.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks;
        var ticks = new List<TimelineTick>();
        for (var t = firstTicks; t <= range.To.UtcTicks; t += step.Ticks)
        {
            var time = new DateTimeOffset(t, TimeSpan.Zero);
            ticks.Add(new TimelineTick(scale.X(time), time, TickLabel(time, step, isFirst: ticks.Count == 0)));
        }
        return ticks;
    }

    private static string TickLabel(DateTimeOffset time, TimeSpan step, bool isFirst)
    {
        var format = step switch
        {
            _ when step >= TimeSpan.FromDays(365) => "MMM d yyyy",
            _ when step >= TimeSpan.FromDays(1) => "MMM d",
            _ when step < TimeSpan.FromMinutes(1) => "HH:mm:ss",
            _ when isFirst || time.TimeOfDay == TimeSpan.Zero => "MMM d HH:mm",
            _ => "HH:mm",
        };
        return time.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Splits a cluster bar at its hand-overs: each stint from its start (the bar's left edge for the first) to the next
    /// one's, within the bar; a stint outside the range has no width and is left out.
    /// </summary>
    private static IReadOnlyList<TimelineClusterSegment> Segments(
        ClusterState cluster, Span bar, Scale scale, Dictionary<string, InstanceState> owners)
    {
        var stints = ClusterStint.Of(cluster);
        var right = bar.X + bar.Width;
        var lefts = stints.Select((stint, i) => i == 0 ? bar.X : Math.Clamp(scale.X(stint.From), bar.X, right)).ToList();
        var segments = new List<TimelineClusterSegment>(stints.Count);
        for (var i = 0; i < stints.Count; i++)
        {
            var end = i + 1 < stints.Count ? lefts[i + 1] : right;
            if (end - lefts[i] > 0.001)
            {
                segments.Add(new TimelineClusterSegment(stints[i], owners.GetValueOrDefault(stints[i].InstanceUid), lefts[i], end - lefts[i]));
            }
        }
        return segments;
    }

    /// <summary>Greedy interval partitioning: each bar goes to the first row whose last bar ends before it starts.</summary>
    private static int AssignRows(List<Span> spans, out int[] rowOf)
    {
        rowOf = new int[spans.Count];
        var rowEnds = new List<double>();
        for (var i = 0; i < spans.Count; i++)
        {
            var row = rowEnds.FindIndex(end => end <= spans[i].X + 0.001);
            if (row < 0)
            {
                row = rowEnds.Count;
                rowEnds.Add(0);
            }
            rowEnds[row] = spans[i].X + spans[i].Width;
            rowOf[i] = row;
        }
        return Math.Max(rowEnds.Count, 1);
    }

    private readonly record struct Span(double X, double Width, bool IsOpenEnded, bool ClippedAtStart, bool ClippedAtEnd);

    private readonly struct Scale(TimelineRange range, double width)
    {
        public double X(DateTimeOffset time) => (time - range.From) / range.Duration * width;

        /// <summary>Null when the lifetime lies wholly outside the range.</summary>
        public Span? Place(DateTimeOffset start, DateTimeOffset? end, DateTimeOffset now)
        {
            var effectiveEnd = end ?? (now > start ? now : start);
            if (effectiveEnd < range.From || start > range.To)
            {
                return null;
            }
            var clippedStart = start < range.From;
            var clippedEnd = effectiveEnd > range.To;
            var x = X(clippedStart ? range.From : start);
            var right = X(clippedEnd ? range.To : effectiveEnd);
            var barWidth = Math.Max(right - x, MinimumBarWidth);
            if (x + barWidth > width)
            {
                x = Math.Max(0, width - barWidth);
            }
            return new Span(x, barWidth, end is null, clippedStart, clippedEnd);
        }
    }
}
