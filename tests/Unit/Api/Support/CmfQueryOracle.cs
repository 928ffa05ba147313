using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmf.UnitTests.Api.Support;

/// <summary>What a list should answer to a query: the names of the items it keeps, or a refusal and why.</summary>
public sealed record CmfQueryExpectation(IReadOnlySet<string>? Names, string? RefusedBecause);

/// <summary>
/// The test's own reading of CMF's filter and search descriptions, applied to the items a list serves unfiltered: an
/// oracle independent of the server's parser and store queries (regular expressions over the served JSON). It knows
/// which keys each list takes (name and labels.&lt;key&gt; everywhere, state on applications, type on events) and which
/// fields each list searches (environments: name, kubernetesNamespace; events: message, flinkApplicationInstance).
/// </summary>
public static partial class CmfQueryOracle
{
    public enum ListKind
    {
        Environments,
        Applications,
        Events,
    }

    /// <summary>An item's name; an environment has it twice (name, metadata.name), and <c>fields</c> may keep either.</summary>
    public static string NameOf(ListKind list, JsonNode item) =>
        ((list == ListKind.Environments ? item["name"] : null) ?? item["metadata"]!["name"])!.GetValue<string>();

    public static CmfQueryExpectation Expect(ListKind list, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<JsonNode> unfiltered)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(unfiltered);
        var tests = new List<Func<JsonNode, bool>>();
        var query = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (query.TryGetValue("filter", out var filter))
        {
            foreach (var expression in SplitOutsideParentheses(filter))
            {
                if (Requirement(list, expression.Trim(), out var test) is { } refused)
                {
                    return new CmfQueryExpectation(null, refused);
                }
                tests.Add(test);
            }
        }
        if (query.ContainsKey("search") || query.ContainsKey("searchScope"))
        {
            if (Search(list, query.GetValueOrDefault("search"), query.GetValueOrDefault("searchScope"), out var test) is { } refused)
            {
                return new CmfQueryExpectation(null, refused);
            }
            tests.Add(test);
        }
        return new CmfQueryExpectation(unfiltered.Where(i => tests.All(t => t(i))).Select(i => NameOf(list, i)).ToHashSet(StringComparer.Ordinal), null);
    }

    private static string? Requirement(ListKind list, string expression, out Func<JsonNode, bool> test)
    {
        test = _ => true;
        Match match;
        string key;
        Func<string?, bool> holds;
        if ((match = Absent().Match(expression)).Success)
        {
            key = match.Groups["key"].Value;
            holds = v => v is null;
        }
        else if ((match = Compared().Match(expression)).Success)
        {
            key = match.Groups["key"].Value;
            var value = match.Groups["value"].Value;
            var negated = match.Groups["op"].Value == "!=";
            holds = key == "name" ? v => v is not null && Glob(value).IsMatch(v) : v => negated ? v != value : v == value;
        }
        else if ((match = InSet().Match(expression)).Success)
        {
            key = match.Groups["key"].Value;
            var values = match.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            var negated = match.Groups["op"].Value == "notin";
            holds = v => negated ? v is null || !values.Contains(v) : v is not null && values.Contains(v);
        }
        else if ((match = Present().Match(expression)).Success)
        {
            key = match.Groups["key"].Value;
            holds = v => v is not null;
        }
        else
        {
            return $"'{expression}' is none of the forms CMF describes";
        }
        Func<JsonNode, string?>? read = (list, key) switch
        {
            (_, "name") => i => NameOf(list, i),
            (ListKind.Applications, "state") => i => i["status"]?["jobStatus"]?["state"]?.GetValue<string>(),
            (ListKind.Events, "type") => i => i["status"]?["type"]?.GetValue<string>(),
            _ when key.StartsWith("labels.", StringComparison.Ordinal) => i => i["metadata"]?["labels"]?[key["labels.".Length..]]?.GetValue<string>(),
            _ => null,
        };
        if (read is null)
        {
            return $"{list} take no filter key '{key}'";
        }
        test = i => holds(read(i));
        return null;
    }

    private static string? Search(ListKind list, string? term, string? scope, out Func<JsonNode, bool> test)
    {
        test = _ => true;
        if (term is null || scope is null)
        {
            return "search and searchScope come together";
        }
        var readers = new List<Func<JsonNode, bool>>();
        foreach (var field in scope.Split(','))
        {
            Func<JsonNode, bool>? reader = (list, field) switch
            {
                (ListKind.Environments, "name") => i => Contains(i["name"], term),
                (ListKind.Environments, "kubernetesNamespace") => i => Contains(i["kubernetesNamespace"], term),
                (ListKind.Events, "message") => i => Contains(i["status"]?["message"], term),
                (ListKind.Events, "flinkApplicationInstance") => i =>
                    string.Equals(i["metadata"]?["flinkApplicationInstance"]?.GetValue<string>(), term, StringComparison.OrdinalIgnoreCase),
                _ => null,
            };
            if (reader is null)
            {
                return $"{list} do not search '{field}'";
            }
            readers.Add(reader);
        }
        test = i => readers.Any(r => r(i));
        return null;
    }

    private static bool Contains(JsonNode? value, string term) =>
        value?.GetValue<string>().Contains(term, StringComparison.OrdinalIgnoreCase) == true;

    private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);

    private static IEnumerable<string> SplitOutsideParentheses(string filter)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            depth += filter[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (filter[i] == ',' && depth == 0)
            {
                yield return filter[start..i];
                start = i + 1;
            }
        }
        yield return filter[start..];
    }

    [GeneratedRegex(@"^!\s*(?<key>[\w./-]+)$")]
    private static partial Regex Absent();

    [GeneratedRegex(@"^(?<key>[\w./-]+)\s*(?<op>==|!=|=)\s*(?<value>[\w.*-]+)$")]
    private static partial Regex Compared();

    [GeneratedRegex(@"^(?<key>[\w./-]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex InSet();

    [GeneratedRegex(@"^(?<key>[\w./-]+)$")]
    private static partial Regex Present();
}
