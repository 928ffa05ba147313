using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using N = Cmf.Dashboard.Model.QueryParameterNames;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// What a page reads from a URL, as the router hands it over with <c>[SupplyParameterFromQuery]</c> (a parameter given
/// twice counts once, the last time): lets a test check that a built URL reads back as the view it was built from.
/// </summary>
internal static class PageQuery
{
    public static ApplicationListFilter ApplicationListFilter(string url)
    {
        var query = Of(url);
        return ApplicationListFilterReader.Read(Last(query, N.Environment), query.GetValueOrDefault(N.State).ToArray()!,
            Last(query, N.Search), Last(query, N.Sort), Last(query, N.Descending), Last(query, N.Page));
    }

    public static ApplicationView ApplicationView(string url)
    {
        var query = Of(url);
        return ApplicationViewReader.Read(Last(query, N.Tab), Last(query, N.From), Last(query, N.To), Last(query, N.Window));
    }

    public static InstanceDiffView InstanceDiffView(string url)
    {
        var query = Of(url);
        return InstanceDiffViewReader.Read(Last(query, N.From), Last(query, N.To), Last(query, N.Inline), Last(query, N.HideAnnotation), Last(query, N.Back));
    }

    public static ChangeListFilter ChangeListFilter(string url) => ChangeListFilterReader.Read(Of(url), out _, out _);

    private static Dictionary<string, StringValues> Of(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        return start < 0 ? [] : QueryHelpers.ParseQuery(url[start..]);
    }

    private static string? Last(Dictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;
}
