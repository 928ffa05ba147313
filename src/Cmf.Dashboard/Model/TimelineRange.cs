namespace Cmf.Dashboard.Model;

/// <summary>A resolved, non-empty span of time the timeline draws.</summary>
public sealed record TimelineRange
{
    public TimelineRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A timeline range must end after it starts ({from:O} .. {to:O}).", nameof(to));
        }
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan Duration => To - From;

    public DateTimeOffset Center => From + Duration / 2;

    /// <summary>Half the duration around the same centre, but never narrower than a second.</summary>
    public TimelineRange ZoomedIn()
    {
        var half = Duration / 4 < TimeSpan.FromSeconds(0.5) ? TimeSpan.FromSeconds(0.5) : Duration / 4;
        return new(Center - half, Center + half);
    }

    public TimelineRange ZoomedOut() => new(Center - Duration, Center + Duration);

    /// <summary>Moves by a fraction of the duration: negative is earlier.</summary>
    public TimelineRange Panned(double fraction) => new(From + Duration * fraction, To + Duration * fraction);
}
