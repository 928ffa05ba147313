using System.Globalization;
using System.Text;
using Cmf.Core.Model;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Cmf.Dashboard;

/// <summary>
/// Every URL the dashboard builds, and the parsers that read a page's query string back into its view.
/// Names go into path segments escaped; a segment that is only dots is refused because browsers collapse it.
/// Page URLs take <c>embed</c>: inside a portal's frame every link keeps <c>embed=1</c>.
/// </summary>
public static class DashboardUrls
{
    public const string EmbedParameter = "embed";
    public const string ApplicationsPath = "/applications";
    public const string EnvironmentsPath = "/environments";
    public const string InstancesPath = "/instances";
    public const string ChangesPath = "/changes";
    public const string ApiChangesPath = "/api/v1/changes";
    public const string GalleryPath = "/_gallery";
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
    public const string SignedOutPath = "/signed-out";

    private const string EnvironmentParameter = "environment";
    private const string StateParameter = "state";
    private const string SearchParameter = "search";
    private const string SortParameter = "sort";
    private const string DescendingParameter = "desc";
    private const string PageParameter = "page";
    private const string TabParameter = "tab";
    private const string FromParameter = "from";
    private const string ToParameter = "to";
    private const string WindowParameter = "window";
    private const string InlineParameter = "inline";
    private const string HideAnnotationParameter = "hideAnnotation";
    private const string BackParameter = "back";
    private const string ApplicationParameter = "application";
    private const string FieldParameter = "field";
    private const string KeyParameter = "key";
    private const string OutcomeParameter = "outcome";
    private const string BeforeParameter = "before";
    private const string SizeParameter = "size";

    /// <summary>The query parameters of the changes list (page and API); anything else is refused by the API.</summary>
    public static IReadOnlyList<string> ChangeListParameters { get; } =
    [
        WindowParameter, FromParameter, ToParameter, EnvironmentParameter, ApplicationParameter, FieldParameter, KeyParameter,
        OutcomeParameter, BeforeParameter, SizeParameter, EmbedParameter,
    ];
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly (ApplicationSort Sort, string Wire)[] SortNames =
    [
        (ApplicationSort.Name, "name"),
        (ApplicationSort.Environment, "environment"),
        (ApplicationSort.JobState, "job-state"),
        (ApplicationSort.LastChange, "last-change"),
        (ApplicationSort.InstanceCount, "instances"),
    ];

    private static readonly (ApplicationTab Tab, string Wire)[] TabNames =
    [
        (ApplicationTab.Timeline, "timeline"),
        (ApplicationTab.Instances, "instances"),
        (ApplicationTab.Events, "events"),
        (ApplicationTab.Spec, "spec"),
    ];

    // Pages

    public static string ApplicationsUrl(ApplicationListFilter? filter = null, bool embed = false)
    {
        filter ??= ApplicationListFilter.Default;
        var query = new QueryParts()
            .Add(EnvironmentParameter, filter.Environment)
            .AddEach(StateParameter, filter.JobStates.Select(state => FlinkStateNames.ToWire(state)))
            .Add(SearchParameter, filter.Search)
            .Add(SortParameter, filter.Sort == ApplicationSort.Name ? null : SortWire(filter.Sort))
            .Add(DescendingParameter, filter.Descending ? "1" : null)
            .Add(PageParameter, filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null)
            .AddEmbed(embed);
        return ApplicationsPath + query;
    }

    public static string EnvironmentsUrl(bool embed = false) => EnvironmentsPath + new QueryParts().AddEmbed(embed);

    public static string ApplicationUrl(string environment, string application, ApplicationTab? tab = null,
        TimelineWindow? window = null, bool embed = false)
    {
        var query = new QueryParts().Add(TabParameter, tab is { } t ? TabWire(t) : null);
        if (window?.Last is { } last)
        {
            query.Add(WindowParameter, FormatDuration(last));
        }
        else if (window?.Between is { } range)
        {
            query.Add(FromParameter, FormatTime(range.From)).Add(ToParameter, FormatTime(range.To));
        }
        return ApplicationPath(environment, application) + query.AddEmbed(embed);
    }

    public static string InstanceUrl(string environment, string application, string instanceUid, bool embed = false) =>
        $"{ApplicationPath(environment, application)}/instances/{Segment(instanceUid)}" + new QueryParts().AddEmbed(embed);

    /// <summary>For alerts that only know the UID: resolves to the instance's page.</summary>
    public static string InstanceDeepLinkUrl(string instanceUid, bool embed = false) =>
        $"{InstancesPath}/{Segment(instanceUid)}" + new QueryParts().AddEmbed(embed);

    /// <param name="backToChanges">A changes-list URL (<see cref="ChangesUrl"/>) the diff page links back to, filters kept.</param>
    public static string DiffUrl(string environment, string application, string fromUid, string toUid,
        bool inline = false, bool hideInstanceAnnotation = false, bool embed = false, string? backToChanges = null)
    {
        var query = new QueryParts()
            .Add(FromParameter, fromUid)
            .Add(ToParameter, toUid)
            .Add(InlineParameter, inline ? "1" : null)
            .Add(HideAnnotationParameter, hideInstanceAnnotation ? "1" : null)
            .Add(BackParameter, IsChangesUrl(backToChanges) ? backToChanges : null)
            .AddEmbed(embed);
        return $"{ApplicationPath(environment, application)}/diff" + query;
    }

    /// <summary>The fleet-wide changes list with its window, filters and page start.</summary>
    public static string ChangesUrl(ChangeListFilter? filter = null, bool embed = false) =>
        ChangesPath + ChangeListQuery(filter ?? ChangeListFilter.Default).AddEmbed(embed);

    /// <summary>True for a URL of the changes list on this site (what a diff page may link back to).</summary>
    public static bool IsChangesUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is not null && url.Length <= 4096 && IsInApp(url)
        && (url == ChangesPath || url.StartsWith(ChangesPath + "?", StringComparison.Ordinal));

    public static string GalleryUrl(bool embed = false) => GalleryPath + new QueryParts().AddEmbed(embed);

    // APIs

    /// <summary>CMF's own path for one instance (CMF calls the UID the instance name).</summary>
    public static string CmfApiInstanceUrl(string environment, string application, string instanceUid) =>
        $"/cmf/api/v1/environments/{Segment(environment)}/applications/{Segment(application)}/instances/{Segment(instanceUid)}";

    public static string ApiInstanceUrl(string instanceUid) => $"/api/v1/instances/{Segment(instanceUid)}";

    /// <summary>The instance's effective spec as a YAML file (secrets masked): what to download when two specs are too large to diff here.</summary>
    public static string ApiInstanceSpecUrl(string instanceUid) => ApiInstanceUrl(instanceUid) + "/spec.yaml";

    public static string ApiDiffUrl(string environment, string application, string fromUid, string toUid) =>
        ApiApplicationPath(environment, application) + "/diff" + new QueryParts().Add(FromParameter, fromUid).Add(ToParameter, toUid);

    public static string ApiTimelineUrl(string environment, string application, TimelineRange? range = null) =>
        ApiApplicationPath(environment, application) + "/timeline" + new QueryParts()
            .Add(FromParameter, range is null ? null : FormatTime(range.From))
            .Add(ToParameter, range is null ? null : FormatTime(range.To));

    public static string ApiChangesUrl(ChangeListFilter? filter = null, int? size = null) =>
        ApiChangesPath + ChangeListQuery(filter ?? ChangeListFilter.Default)
            .Add(SizeParameter, size?.ToString(CultureInfo.InvariantCulture));

    public static string ApiClustersUrl(string environment, string application) =>
        ApiApplicationPath(environment, application) + "/clusters";

    // Log correlation

    /// <summary>
    /// Expands <c>Cmf:Logging:LinkTemplate</c>: each placeholder becomes its URL-encoded value. Returns null
    /// without a template, or when the result is not an absolute http(s) URL (never a <c>javascript:</c> link).
    /// </summary>
    public static string? LogLinkUrl(string? template, LogLinkValues values)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }
        var expanded = new StringBuilder(template)
            .Replace("{uid}", Uri.EscapeDataString(values.InstanceUid))
            .Replace("{namespace}", Uri.EscapeDataString(values.Namespace))
            .Replace("{app}", Uri.EscapeDataString(values.Application))
            .Replace("{from}", Uri.EscapeDataString(FormatTime(values.From)))
            .Replace("{to}", Uri.EscapeDataString(FormatTime(values.To)))
            .ToString();
        return Uri.TryCreate(expanded, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? expanded
            : null;
    }

    // Embed mode

    /// <summary>True when the URL's query has <c>embed=1</c> (or <c>embed=true</c>).</summary>
    public static bool IsEmbedded(string url)
    {
        var value = Query(url).GetValueOrDefault(EmbedParameter);
        return value.Count > 0 && (value[^1] == "1" || string.Equals(value[^1], "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adds <c>embed=1</c> to an in-app URL that lacks it (before any fragment).</summary>
    public static string WithEmbed(string url, bool embed)
    {
        if (!embed || IsEmbedded(url))
        {
            return url;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (body, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var separator = body.Contains('?', StringComparison.Ordinal) ? (body.EndsWith('?') || body.EndsWith('&') ? "" : "&") : "?";
        return $"{body}{separator}{EmbedParameter}=1{fragment}";
    }

    /// <summary>
    /// An absolute path on this site ("/..." but not "//host" or "/\host"): safe to keep inside an embed and to
    /// redirect to. Browsers drop tabs and line breaks from URLs, so "/%09/host" would become "//host": any control
    /// character makes a URL foreign.
    /// </summary>
    public static bool IsInApp(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    // Parsers

    public static ApplicationListFilter ParseApplicationListFilter(string url)
    {
        var query = Query(url);
        var states = query.GetValueOrDefault(StateParameter)
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(wire => (Wire: wire, State: FlinkStateNames.ParseJobState(wire)))
            .Where(p => p.State is { } s && (s != JobState.Unknown || string.Equals(p.Wire, "UNKNOWN", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.State!.Value)
            .Distinct()
            .ToArray();
        var search = Single(query, SearchParameter)?.Trim();
        if (search?.Length > ApplicationListFilter.MaxSearchLength)
        {
            search = search[..ApplicationListFilter.MaxSearchLength];
        }
        return new ApplicationListFilter
        {
            Environment = NullIfEmpty(Single(query, EnvironmentParameter)),
            JobStates = states,
            Search = NullIfEmpty(search),
            Sort = SortNames.FirstOrDefault(s => s.Wire == Single(query, SortParameter)?.ToLowerInvariant()).Sort,
            Descending = IsTrue(Single(query, DescendingParameter)),
            Page = int.TryParse(Single(query, PageParameter), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
        };
    }

    public static ApplicationView ParseApplicationView(string url)
    {
        var query = Query(url);
        var tabWire = Single(query, TabParameter)?.ToLowerInvariant();
        var tab = TabNames.Any(t => t.Wire == tabWire) ? TabNames.First(t => t.Wire == tabWire).Tab : ApplicationTab.Timeline;
        var window = TimelineWindow.Fit;
        if (TryParseTime(Single(query, FromParameter), out var from) && TryParseTime(Single(query, ToParameter), out var to) && to > from)
        {
            window = TimelineWindow.Range(new TimelineRange(from, to));
        }
        else if (TryParseDuration(Single(query, WindowParameter), out var last))
        {
            window = TimelineWindow.LastDuration(last);
        }
        return new ApplicationView(tab, window);
    }

    public static InstanceDiffView ParseInstanceDiffView(string url)
    {
        var query = Query(url);
        var back = Single(query, BackParameter);
        return new InstanceDiffView(
            NullIfEmpty(Single(query, FromParameter)),
            NullIfEmpty(Single(query, ToParameter)),
            IsTrue(Single(query, InlineParameter)),
            IsTrue(Single(query, HideAnnotationParameter)))
        {
            BackToChanges = IsChangesUrl(back) ? back : null,
        };
    }

    /// <summary>The changes list's view from its URL; values that do not parse are left out (the API refuses them: <see cref="ReadChangeListFilter"/>).</summary>
    public static ChangeListFilter ParseChangeListFilter(string url) => ReadChangeListFilter(Query(url), out _, out _);

    /// <summary>
    /// Reads the changes list's parameters; <paramref name="errors"/> says what was refused (unknown names, unknown fields
    /// or outcomes, bad times, from after to, a range over a year, values too long), each in a sentence.
    /// </summary>
    public static ChangeListFilter ReadChangeListFilter(IEnumerable<KeyValuePair<string, StringValues>> parameters, out List<string> errors, out int? size)
    {
        var query = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        errors = [];
        size = null;
        foreach (var unknown in query.Keys.Where(k => !ChangeListParameters.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add($"Unknown query parameter {Quoted(unknown)}; the changes list takes {string.Join(", ", ChangeListParameters)}.");
        }
        var filter = ChangeListFilter.Default;
        var window = Single(query, WindowParameter);
        if (window is not null)
        {
            if (TryParseDuration(window, out var last) && last <= ChangeListFilter.MaxSpan)
            {
                filter = filter with { Window = last };
            }
            else
            {
                errors.Add($"window must be a duration such as 1h, 24h or 7d, at most 366d; got {Quoted(window)}.");
            }
        }
        filter = ReadRange(query, filter, errors);
        filter = filter with
        {
            Environment = Text(query, EnvironmentParameter, ChangeListFilter.MaxTextLength, errors),
            Application = Text(query, ApplicationParameter, ChangeListFilter.MaxTextLength, errors),
            ConfigurationKey = Text(query, KeyParameter, ChangeListFilter.MaxKeyLength, errors),
        };
        foreach (var wire in query.GetValueOrDefault(FieldParameter).SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (ChangeField.Parse(wire) is { } kind)
            {
                filter = filter with { Fields = filter.Fields | kind };
            }
            else
            {
                errors.Add($"field must be one of {string.Join(", ", ChangeField.All.Select(f => f.Wire))}; got {Quoted(wire)}.");
            }
        }
        if (Single(query, OutcomeParameter) is { Length: > 0 } outcome)
        {
            if (ChangeOutcomes.Parse(outcome) is { } parsed)
            {
                filter = filter with { Outcome = parsed };
            }
            else
            {
                errors.Add($"outcome must be one of {string.Join(", ", ChangeOutcomes.All.Select(o => o.Wire))}; got {Quoted(outcome)}.");
            }
        }
        if (Single(query, BeforeParameter) is { Length: > 0 } before)
        {
            if (Cmf.Core.Storage.Views.ChangeCursor.TryParse(before, out var cursor))
            {
                filter = filter with { Before = cursor };
            }
            else
            {
                errors.Add($"before must be the next value of an earlier page, such as 1767225600000.42; got {Quoted(before)}.");
            }
        }
        if (Single(query, SizeParameter) is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= ChangeListReader.MaxPageSize)
            {
                size = parsed;
            }
            else
            {
                errors.Add($"size must be a whole number from 1 to {ChangeListReader.MaxPageSize}; got {Quoted(sizeText)}.");
            }
        }
        return filter;
    }

    private static ChangeListFilter ReadRange(Dictionary<string, StringValues> query, ChangeListFilter filter, List<string> errors)
    {
        var (fromText, toText) = (Single(query, FromParameter), Single(query, ToParameter));
        if (fromText is null && toText is null)
        {
            return filter;
        }
        DateTimeOffset? from = null, to = null;
        if (fromText is null)
        {
            errors.Add("to needs from: give the range as from and to (ISO 8601 times), or a window such as 24h.");
            return filter;
        }
        if (fromText.Length <= 64 && TryParseTime(fromText, out var parsedFrom))
        {
            from = parsedFrom;
        }
        else
        {
            errors.Add($"from must be an ISO 8601 time such as 2026-03-01T12:00:00Z; got {Quoted(fromText)}.");
        }
        if (toText is not null)
        {
            if (toText.Length <= 64 && TryParseTime(toText, out var parsedTo))
            {
                to = parsedTo;
            }
            else
            {
                errors.Add($"to must be an ISO 8601 time such as 2026-03-01T13:00:00Z; got {Quoted(toText)}.");
            }
        }
        if (from is null || (toText is not null && to is null))
        {
            return filter;
        }
        if (to is { } end && end <= from)
        {
            errors.Add($"from must be earlier than to; got from={fromText}, to={toText}.");
            return filter;
        }
        if (to is { } last && last - from > ChangeListFilter.MaxSpan)
        {
            errors.Add("The range from..to may span at most 366 days.");
            return filter;
        }
        return filter with { From = from, To = to };
    }

    private static string? Text(Dictionary<string, StringValues> query, string name, int max, List<string> errors)
    {
        var value = Single(query, name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > max || value.Any(char.IsControl))
        {
            errors.Add($"{name} must be at most {max} characters without control characters.");
            return null;
        }
        return value;
    }

    private static string Quoted(string? value)
    {
        var text = value ?? "";
        var shown = new string([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return "'" + shown + (text.Length > 64 ? "…" : "") + "'";
    }

    private static QueryParts ChangeListQuery(ChangeListFilter filter)
    {
        var query = new QueryParts();
        if (filter.From is { } from)
        {
            query.Add(FromParameter, FormatTime(from)).Add(ToParameter, filter.To is { } to ? FormatTime(to) : null);
        }
        else if (filter.Window != ChangeListFilter.DefaultWindow)
        {
            query.Add(WindowParameter, FormatDuration(filter.Window));
        }
        return query
            .Add(EnvironmentParameter, filter.Environment)
            .Add(ApplicationParameter, filter.Application)
            .AddEach(FieldParameter, ChangeField.Wires(filter.Fields))
            .Add(KeyParameter, filter.ConfigurationKey)
            .Add(OutcomeParameter, filter.Outcome is { } outcome ? ChangeOutcomes.Wire(outcome) : null)
            .Add(BeforeParameter, filter.Before?.ToString());
    }

    /// <summary>"90s", "15m", "6h", "7d": the largest unit that divides the duration exactly.</summary>
    public static string FormatDuration(TimeSpan duration) => duration switch
    {
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{duration.Ticks / TimeSpan.TicksPerDay}d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{duration.Ticks / TimeSpan.TicksPerHour}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{duration.Ticks / TimeSpan.TicksPerMinute}m",
        _ => $"{Math.Max(1, duration.Ticks / TimeSpan.TicksPerSecond)}s",
    };

    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length > 6
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }
        duration = char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(3650);
    }

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    // Pieces

    private static string ApplicationPath(string environment, string application) =>
        $"{EnvironmentsPath}/{Segment(environment)}/applications/{Segment(application)}";

    private static string ApiApplicationPath(string environment, string application) =>
        $"/api/v1/environments/{Segment(environment)}/applications/{Segment(application)}";

    /// <summary>One escaped path segment. "." and ".." cannot be sent: browsers remove them even when percent-encoded.</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value is "." or "..")
        {
            throw new ArgumentException($"'{value}' cannot be a path segment.", nameof(value));
        }
        return Uri.EscapeDataString(value);
    }

    private static Dictionary<string, StringValues> Query(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var end = url.IndexOf('#', start);
        return QueryHelpers.ParseQuery(end < 0 ? url[start..] : url[start..end]);
    }

    private static string? Single(Dictionary<string, StringValues> query, string key) =>
        query.TryGetValue(key, out var values) && values.Count > 0 ? values[^1] : null;

    private static bool IsTrue(string? value) => value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static string SortWire(ApplicationSort sort) => SortNames.First(s => s.Sort == sort).Wire;

    private static string TabWire(ApplicationTab tab) => TabNames.First(t => t.Tab == tab).Wire;

    /// <summary>An ordered query string; empty values are left out.</summary>
    private sealed class QueryParts
    {
        private readonly List<(string Key, string Value)> _parts = [];

        public QueryParts Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _parts.Add((key, value));
            }
            return this;
        }

        public QueryParts AddEach(string key, IEnumerable<string> values)
        {
            foreach (var value in values)
            {
                Add(key, value);
            }
            return this;
        }

        public QueryParts AddEmbed(bool embed) => embed ? Add(EmbedParameter, "1") : this;

        public override string ToString() => _parts.Count == 0
            ? ""
            : "?" + string.Join('&', _parts.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }
}
