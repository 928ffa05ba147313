namespace Cmf.Dashboard.Model;

/// <summary>
/// What the timeline is asked to show, as the URL keeps it: everything (fit), the last N minutes/hours/days
/// up to now, or a fixed from/to range.
/// </summary>
public sealed record TimelineWindow
{
    private static readonly TimeSpan MinimumFitDuration = TimeSpan.FromMinutes(1);

    private TimelineWindow(TimeSpan? last, TimelineRange? between)
    {
        Last = last;
        Between = between;
    }

    public static TimelineWindow Fit { get; } = new(null, null);

    /// <summary>The last <see cref="Last"/> up to now; null unless this is such a window.</summary>
    public TimeSpan? Last { get; }

    /// <summary>A fixed range; null unless this is such a window.</summary>
    public TimelineRange? Between { get; }

    public bool IsFit => Last is null && Between is null;

    public static TimelineWindow LastDuration(TimeSpan duration) =>
        duration > TimeSpan.Zero ? new(duration, null) : throw new ArgumentOutOfRangeException(nameof(duration), "must be positive");

    public static TimelineWindow Range(TimelineRange range) => new(null, range);

    /// <summary>The range to draw: fit spans the first start to now with a small margin on both sides.</summary>
    public TimelineRange Resolve(IEnumerable<DateTimeOffset> starts, DateTimeOffset now)
    {
        if (Between is not null)
        {
            return Between;
        }
        if (Last is { } last)
        {
            return new TimelineRange(now - last, now);
        }
        var first = starts.DefaultIfEmpty(now).Min();
        if (first > now)
        {
            first = now;
        }
        var span = now - first;
        if (span < MinimumFitDuration)
        {
            span = MinimumFitDuration;
        }
        var margin = span * 0.04;
        return new TimelineRange(now - span - margin, now + margin);
    }
}
