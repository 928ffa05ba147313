namespace Cmf.Dashboard.Api;

/// <summary>A list request's checked query: the page, the fields, the filter (<see cref="CmfFilter.None"/> when absent) and the search.</summary>
public sealed record CmfListQuery(PageRequest Page, FieldSelection Fields, CmfFilter Filter, CmfSearch? Search)
{
    public const string FilterParameter = "filter";

    /// <summary>The query of a request to <paramref name="list"/>, or the 400 message for its first problem.</summary>
    public static string? TryRead(IQueryCollection query, CmfList list, out CmfListQuery read)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(list);
        read = new CmfListQuery(PageRequest.First, FieldSelection.All, CmfFilter.None, null);
        if (PageRequest.TryParse(query, list.Sorts, out var page) is { } pageError)
        {
            return pageError;
        }
        if (FieldSelection.TryParse(query, out var fields) is { } fieldsError)
        {
            return fieldsError;
        }
        if (ReadFilter(query, list, out var filter) is { } filterError)
        {
            return filterError;
        }
        if (CmfSearch.TryParse(query, list.Name, list.SearchFields, out var search) is { } searchError)
        {
            return searchError;
        }
        read = new CmfListQuery(page, fields, filter, search);
        return null;
    }

    private static string? ReadFilter(IQueryCollection query, CmfList list, out CmfFilter filter)
    {
        filter = CmfFilter.None;
        if (!query.TryGetValue(FilterParameter, out var values))
        {
            return null;
        }
        if (list.Filter is null)
        {
            return $"filter is not offered on {list.Name}; CMF's OpenAPI offers it on environments, applications and events.";
        }
        if (values.Count != 1)
        {
            return "filter must be given once; join expressions with ','.";
        }
        return CmfFilterParser.TryParse(values[0] ?? "", out var parsed) ?? list.Filter.Check(parsed, out filter);
    }
}
