using System.Globalization;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Model;
using N = Cmf.Dashboard.Model.QueryParameterNames;

namespace Cmf.Dashboard;

/// <summary>
/// Every URL the dashboard builds. Names go into path segments escaped; a segment that is only dots is refused because
/// browsers collapse it. Page URLs take <c>embed</c>: inside a portal's frame every link keeps <c>embed=1</c>.
/// The pages read their query parameters back through <c>[SupplyParameterFromQuery]</c> with the readers in Model.
/// </summary>
public static class DashboardUrls
{
    public const string ApplicationsPath = "/applications";
    public const string EnvironmentsPath = "/environments";
    public const string InstancesPath = "/instances";
    public const string ChangesPath = "/changes";
    public const string ApiChangesPath = "/api/v1/changes";
    public const string GalleryPath = "/_gallery";
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
    public const string SignedOutPath = "/signed-out";

    // Pages

    public static string ApplicationsUrl(ApplicationListFilter? filter = null, bool embed = false)
    {
        filter ??= ApplicationListFilter.Default;
        var query = new QueryParts()
            .Add(N.Environment, filter.Environment)
            .AddEach(N.State, filter.JobStates.Select(state => FlinkStateNames.ToWire(state)))
            .Add(N.Search, filter.Search)
            .Add(N.Sort, filter.Sort == ApplicationSort.Name ? null : ApplicationSortNames.ToWire(filter.Sort))
            .Add(N.Descending, filter.Descending ? "1" : null)
            .Add(N.Page, filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null)
            .AddEmbed(embed);
        return ApplicationsPath + query;
    }

    public static string EnvironmentsUrl(bool embed = false) => EnvironmentsPath + new QueryParts().AddEmbed(embed);

    public static string ApplicationUrl(string environment, string application, ApplicationTab? tab = null,
        TimelineWindow? window = null, bool embed = false)
    {
        var query = new QueryParts().Add(N.Tab, tab is { } t ? ApplicationTabNames.ToWire(t) : null);
        if (window?.Last is { } last)
        {
            query.Add(N.Window, DurationText.Format(last));
        }
        else if (window?.Between is { } range)
        {
            query.Add(N.From, UtcTimeText.Of(range.From)).Add(N.To, UtcTimeText.Of(range.To));
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
            .Add(N.From, fromUid)
            .Add(N.To, toUid)
            .Add(N.Inline, inline ? "1" : null)
            .Add(N.HideAnnotation, hideInstanceAnnotation ? "1" : null)
            .Add(N.Back, LocalUrl.IsChangesList(backToChanges) ? backToChanges : null)
            .AddEmbed(embed);
        return $"{ApplicationPath(environment, application)}/diff" + query;
    }

    /// <summary>The fleet-wide changes list with its window, filters and page start.</summary>
    public static string ChangesUrl(ChangeListFilter? filter = null, bool embed = false) =>
        ChangesPath + ChangeListQuery(filter ?? ChangeListFilter.Default).AddEmbed(embed);

    public static string GalleryUrl(bool embed = false) => GalleryPath + new QueryParts().AddEmbed(embed);

    // APIs

    /// <summary>CMF's own path for one instance (CMF calls the UID the instance name).</summary>
    public static string CmfApiInstanceUrl(string environment, string application, string instanceUid) =>
        $"/cmf/api/v1/environments/{Segment(environment)}/applications/{Segment(application)}/instances/{Segment(instanceUid)}";

    public static string ApiInstanceUrl(string instanceUid) => $"/api/v1/instances/{Segment(instanceUid)}";

    /// <summary>The instance's effective spec as a YAML file (secrets masked): what to download when two specs are too large to diff here.</summary>
    public static string ApiInstanceSpecUrl(string instanceUid) => ApiInstanceUrl(instanceUid) + "/spec.yaml";

    public static string ApiDiffUrl(string environment, string application, string fromUid, string toUid) =>
        ApiApplicationPath(environment, application) + "/diff" + new QueryParts().Add(N.From, fromUid).Add(N.To, toUid);

    public static string ApiTimelineUrl(string environment, string application, TimelineRange? range = null) =>
        ApiApplicationPath(environment, application) + "/timeline" + new QueryParts()
            .Add(N.From, range is null ? null : UtcTimeText.Of(range.From))
            .Add(N.To, range is null ? null : UtcTimeText.Of(range.To));

    public static string ApiChangesUrl(ChangeListFilter? filter = null, int? size = null) =>
        ApiChangesPath + ChangeListQuery(filter ?? ChangeListFilter.Default)
            .Add(N.Size, size?.ToString(CultureInfo.InvariantCulture));

    public static string ApiClustersUrl(string environment, string application) =>
        ApiApplicationPath(environment, application) + "/clusters";

    private static QueryParts ChangeListQuery(ChangeListFilter filter)
    {
        var query = new QueryParts();
        if (filter.From is { } from)
        {
            query.Add(N.From, UtcTimeText.Of(from)).Add(N.To, filter.To is { } to ? UtcTimeText.Of(to) : null);
        }
        else if (filter.Window != ChangeListFilter.DefaultWindow)
        {
            query.Add(N.Window, DurationText.Format(filter.Window));
        }
        return query
            .Add(N.Environment, filter.Environment)
            .Add(N.Application, filter.Application)
            .AddEach(N.Field, ChangeField.Wires(filter.Fields))
            .Add(N.Key, filter.ConfigurationKey)
            .Add(N.Outcome, filter.Outcome is { } outcome ? ChangeOutcomes.Wire(outcome) : null)
            .Add(N.Before, filter.Before?.ToString());
    }

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

        public QueryParts AddEmbed(bool embed) => embed ? Add(N.Embed, "1") : this;

        public override string ToString() => _parts.Count == 0
            ? ""
            : "?" + string.Join('&', _parts.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }
}
