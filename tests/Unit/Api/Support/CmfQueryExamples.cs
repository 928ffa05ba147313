using System.Text.Json.Nodes;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api.Support;

/// <summary>One example query CMF's OpenAPI gives in the description of a list parameter, and the list path it is declared on.</summary>
public sealed record CmfQueryExample(string PathTemplate, string Parameter, string Query)
{
    /// <summary>The query's parameters, in order, as the example writes them (<c>?a=b&amp;c=d</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        [.. Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? p[1] : ""))];

    /// <summary>The query with each value URL-encoded, ready to append to a path.</summary>
    public string EncodedQuery => "?" + string.Join('&', Parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public override string ToString() => $"{PathTemplate} {Query}";
}

/// <summary>
/// Every example query (<c>?filter=...</c>, <c>?search=...&amp;searchScope=...</c>, <c>?fields=...</c>) in the descriptions of
/// the query parameters of every GET in <c>../shared/reference/cmf-openapi.yaml</c>, read at test time: a new example in
/// the file is a new test case.
/// </summary>
public static class CmfQueryExamples
{
    public static readonly string[] QueryParameters = ["filter", "search", "searchScope", "fields"];

    /// <summary>Where an example ends in a description: the next example, an "or" between two, or the explanation after it.</summary>
    private static readonly string[] Ends = [" Example", " or ?", " means ", "'"];

    private static readonly Lazy<IReadOnlyList<CmfQueryExample>> All = new(Read);

    public static IReadOnlyList<CmfQueryExample> Examples => All.Value;

    /// <summary>The examples declared on <paramref name="pathTemplate"/>, one per distinct query.</summary>
    public static IReadOnlyList<CmfQueryExample> On(string pathTemplate) =>
        [.. Examples.Where(e => e.PathTemplate == pathTemplate).DistinctBy(e => e.Query)];

    /// <summary>The example queries in one parameter description.</summary>
    public static IReadOnlyList<string> InDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var found = new List<string>();
        for (var at = description.IndexOf('?', StringComparison.Ordinal); at >= 0; at = description.IndexOf('?', at + 1))
        {
            if (!QueryParameters.Any(p => description.AsSpan(at + 1).StartsWith(p + "=", StringComparison.Ordinal)))
            {
                continue;
            }
            var end = Ends.Select(e => description.IndexOf(e, at + 1, StringComparison.Ordinal)).Where(i => i > at).DefaultIfEmpty(description.Length).Min();
            found.Add(description[at..end].Trim());
        }
        return found;
    }

    private static IReadOnlyList<CmfQueryExample> Read()
    {
        var document = OpenApiSchemas.YamlToJson(ReferenceFiles.ReadText("cmf-openapi.yaml"));
        var shared = document["components"]?["parameters"]?.AsObject();
        var examples = new List<CmfQueryExample>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"]?["parameters"] is not JsonArray parameters)
            {
                continue;
            }
            foreach (var declared in parameters)
            {
                var parameter = declared?["$ref"] is JsonValue reference
                    ? shared?[reference.GetValue<string>().Split('/')[^1]]
                    : declared;
                if (parameter?["in"]?.GetValue<string>() != "query" || parameter["name"]?.GetValue<string>() is not { } name || !QueryParameters.Contains(name))
                {
                    continue;
                }
                var description = parameter["description"]?.GetValue<string>() ?? "";
                examples.AddRange(InDescription(description).Select(q => new CmfQueryExample(path, name, q)));
            }
        }
        return examples;
    }
}
