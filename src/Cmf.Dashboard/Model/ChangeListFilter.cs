using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// What the changes list shows: a time window (the last hour, day or week, or a range), filters, and where the page
/// starts. Kept in the query string, so a link reproduces the view; the API takes the same parameters.
/// </summary>
public sealed record ChangeListFilter
{
    public const int MaxTextLength = 253;

    public const int MaxKeyLength = SpecChange.MaxKeyLength;

    /// <summary>The longest window or range: a year.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    /// <summary>The windows the page offers.</summary>
    public static IReadOnlyList<TimeSpan> Windows { get; } = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7)];

    public static ChangeListFilter Default { get; } = new();

    /// <summary>The last this long up to now; ignored when <see cref="From"/> is set.</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>A fixed range from here, to <see cref="To"/> or now.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Environment { get; init; }

    public string? Application { get; init; }

    public SpecChangeKinds Fields { get; init; }

    public string? ConfigurationKey { get; init; }

    public ChangeOutcome? Outcome { get; init; }

    /// <summary>Where the page starts (after the previous page's last row); null for the newest.</summary>
    public ChangeCursor? Before { get; init; }

    public bool IsFiltered => Environment is not null || Application is not null || Fields != SpecChangeKinds.None
        || ConfigurationKey is not null || Outcome is not null;

    /// <summary>The window as times: [from, to).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset now) =>
        From is { } from ? (from, To ?? now) : (now - Window, now);

    public ChangeListQuery ToQuery(DateTimeOffset now, int limit)
    {
        var (from, to) = Range(now);
        return new ChangeListQuery
        {
            From = from,
            // The store's window is half-open; a row created at exactly "now" belongs in it.
            To = From is not null && To is not null ? to : to.AddMilliseconds(1),
            Environment = Environment,
            Application = Application,
            Kinds = Fields,
            ConfigurationKey = ConfigurationKey,
            Outcomes = Outcome is { } outcome ? ChangeOutcomes.Kinds(outcome) : [],
            Before = Before,
            Limit = limit,
        };
    }
}
