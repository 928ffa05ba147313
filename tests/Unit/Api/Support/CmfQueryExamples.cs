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

    /// <summary>
    /// The forms the <c>filter</c> description lists after "Supports:" (<c>- Label equality: labels.key = value or
    /// labels.key != value - ...</c>), one per alternative, remarks such as "(exists)" left out, with the list they are on.
    /// </summary>
    public static IReadOnlyList<CmfQueryExample> FilterForms { get; } = ReadForms();

    private static IReadOnlyList<CmfQueryExample> ReadForms()
    {
        var forms = new List<CmfQueryExample>();
        foreach (var (path, description) in Descriptions("filter"))
        {
            var start = description.IndexOf("Supports:", StringComparison.Ordinal);
            var end = description.IndexOf(" Example", StringComparison.Ordinal);
            if (start < 0 || end < start)
            {
                continue;
            }
            foreach (var bullet in description[(start + "Supports:".Length)..end].Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var alternatives = bullet[(bullet.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(" or ", StringSplitOptions.TrimEntries);
                forms.AddRange(alternatives
                    .Select(WithoutRemark)
                    .Where(a => a.Length > 0)
                    .Select(a => new CmfQueryExample(path, "filter", "?filter=" + a)));
            }
        }
        return forms;
    }

    /// <summary>The form without a trailing remark in parentheses ("(exists)"), which is not the value list of in or notin.</summary>
    private static string WithoutRemark(string form)
    {
        var open = form.LastIndexOf('(');
        if (open < 0 || !form.EndsWith(')'))
        {
            return form.Trim();
        }
        var before = form[..open].TrimEnd();
        return before.EndsWith(" in", StringComparison.Ordinal) || before.EndsWith(" notin", StringComparison.Ordinal) ? form.Trim() : before;
    }

    private static IEnumerable<(string Path, string Description)> Descriptions(string parameterName)
    {
        var document = OpenApiSchemas.YamlToJson(ReferenceFiles.ReadText("cmf-openapi.yaml"));
        var shared = document["components"]?["parameters"]?.AsObject();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var declared in item?["get"]?["parameters"] as JsonArray ?? [])
            {
                var parameter = declared?["$ref"] is JsonValue reference ? shared?[reference.GetValue<string>().Split('/')[^1]] : declared;
                if (parameter?["in"]?.GetValue<string>() == "query" && parameter["name"]?.GetValue<string>() == parameterName)
                {
                    yield return (path, parameter["description"]?.GetValue<string>() ?? "");
                }
            }
        }
    }

    private static IReadOnlyList<CmfQueryExample> Read() =>
        [.. QueryParameters.SelectMany(name => Descriptions(name).SelectMany(d => InDescription(d.Description).Select(q => new CmfQueryExample(d.Path, name, q))))];
}
