using System.Globalization;
using Cmf.Core.Storage;
using Microsoft.Extensions.Primitives;

namespace Cmf.Dashboard.Api;

/// <summary>One sort criterion: CMF's <c>sort=property,(asc|desc)</c>, ascending by default.</summary>
public sealed record SortOrder(string Property, bool Descending);

/// <summary>
/// CMF's paging parameters, checked: <c>page</c> counts from 0, <c>size</c> is 1..<see cref="MaxSize"/>, and <c>sort</c>
/// names one property the list can sort by. Anything else is a 400 that says what is allowed.
/// </summary>
public sealed record PageRequest(int Page, int Size, SortOrder? Sort)
{
    public const int DefaultSize = 20;
    public const int MaxSize = StoreQueries.MaxPageSize;

    /// <summary>CMF query parameters this server does not implement: refused rather than silently ignored.</summary>
    private static readonly string[] UnsupportedParameters = ["page-token"];

    public static PageRequest First { get; } = new(0, DefaultSize, null);

    public static string? TryParse(IQueryCollection query, IReadOnlyList<string> sortProperties, out PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = First;
        if (UnsupportedParameters.FirstOrDefault(query.ContainsKey) is { } unsupported)
        {
            return $"The query parameter '{unsupported}' is not supported by this server; use page, size and sort.";
        }
        if (Number(query, "page", 0, 0, int.MaxValue, out var page) is { } pageError)
        {
            return pageError;
        }
        if (Number(query, "size", DefaultSize, 1, MaxSize, out var size) is { } sizeError)
        {
            return sizeError;
        }
        if ((long)page * size > int.MaxValue)
        {
            return $"page {page} with size {size} starts beyond any list this server can hold; ask for a smaller page number.";
        }
        if (ReadSort(query, sortProperties, out var sort) is { } sortError)
        {
            return sortError;
        }
        request = new PageRequest(page, size, sort);
        return null;
    }

    private static string? Number(IQueryCollection query, string name, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        var problem = $"{name} must be a whole number from {min} to {max}";
        if (values.Count != 1)
        {
            return $"{problem}, given once.";
        }
        if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            value = fallback;
            return $"{problem}; got {ApiText.Quote(values[0])}.";
        }
        return null;
    }

    private static string? ReadSort(IQueryCollection query, IReadOnlyList<string> properties, out SortOrder? sort)
    {
        sort = null;
        if (!query.TryGetValue("sort", out StringValues values))
        {
            return null;
        }
        var allowed = $"sort must be one of {string.Join(", ", properties)}, optionally followed by ',asc' or ',desc'";
        if (values.Count != 1)
        {
            return $"Only one sort criterion is supported: {allowed}.";
        }
        var parts = (values[0] ?? "").Split(',', StringSplitOptions.TrimEntries);
        var property = properties.FirstOrDefault(p => p == parts[0]);
        bool? descending = parts.Length switch
        {
            1 => false,
            2 when parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
            2 when parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
            _ => null,
        };
        if (property is null || descending is null)
        {
            return $"{allowed}; got {ApiText.Quote(values[0])}.";
        }
        sort = new SortOrder(property, descending.Value);
        return null;
    }
}
