namespace Cmf.Dashboard.Api;

/// <summary>
/// CMF's <c>search</c> and <c>searchScope</c>: a term and the fields it is looked for in, OR-ed. Both come together or
/// the request is refused, as CMF's OpenAPI says; a field the list does not search is refused too. A field is searched
/// for the term case-insensitively as a substring, or as a whole (<see cref="IsExact"/>) when CMF's OpenAPI says it
/// "equals" the term (an event's <c>flinkApplicationInstance</c>).
/// </summary>
public sealed record CmfSearch(string Term, IReadOnlyList<string> Scope)
{
    public const string Parameter = "search";
    public const string ScopeParameter = "searchScope";
    public const int MaxTermLength = 256;

    public bool Covers(string field) => Scope.Contains(field, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> holds the term: as a substring, or the whole value when <paramref name="exact"/>.</summary>
    public bool Finds(string? value, bool exact = false) => value is not null && (exact
        ? value.Equals(Term, StringComparison.OrdinalIgnoreCase)
        : value.Contains(Term, StringComparison.OrdinalIgnoreCase));

    /// <param name="fields">The fields the list searches; none when it offers no search.</param>
    public static string? TryParse(IQueryCollection query, string list, IReadOnlyList<string> fields, out CmfSearch? search)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fields);
        search = null;
        var hasTerm = query.TryGetValue(Parameter, out var terms);
        var hasScope = query.TryGetValue(ScopeParameter, out var scopes);
        if (!hasTerm && !hasScope)
        {
            return null;
        }
        if (fields.Count == 0)
        {
            return $"search is not offered on {list}; CMF's OpenAPI offers it on environments and events.";
        }
        var supported = $"searchScope is a comma-separated list of {string.Join(", ", fields)}";
        if (!hasTerm || !hasScope)
        {
            return $"search and searchScope must be given together; {supported}.";
        }
        if (terms.Count != 1 || scopes.Count != 1)
        {
            return "search and searchScope must each be given once.";
        }
        var term = terms[0] ?? "";
        if (term.Trim().Length == 0 || term.Length > MaxTermLength)
        {
            return $"search must be a term of 1 to {MaxTermLength} characters; got {ApiText.Quote(term)}.";
        }
        var scope = (scopes[0] ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (scope.FirstOrDefault(f => !fields.Contains(f, StringComparer.Ordinal)) is { } unknown)
        {
            return $"{supported} for {list}; got {ApiText.Quote(unknown)}.";
        }
        search = new CmfSearch(term, [.. scope.Distinct(StringComparer.Ordinal)]);
        return null;
    }
}
