namespace Cmf.Simulator.Api;

/// <summary>
/// Parses Kubernetes label selectors: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c> and <c>!a</c>, comma-separated and all required.
/// </summary>
internal static class LabelSelector
{
    public static Func<IReadOnlyDictionary<string, string>, bool> Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return static _ => true;
        }
        var requirements = SplitRequirements(selector).Select(ParseRequirement).ToList();
        return labels => requirements.TrueForAll(r => r(labels));
    }

    private static IEnumerable<string> SplitRequirements(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            switch (selector[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return selector[start..i];
                    start = i + 1;
                    break;
            }
        }
        if (depth != 0)
        {
            throw Invalid(selector, "unbalanced parentheses");
        }
        yield return selector[start..];
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        var requirement = text.Trim();
        if (requirement.Length == 0)
        {
            throw Invalid(text, "empty requirement");
        }
        if (requirement.StartsWith('!'))
        {
            var key = CheckKey(requirement[1..].Trim(), text);
            return labels => !labels.ContainsKey(key);
        }
        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = requirement.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = CheckKey(requirement[..at].Trim(), text);
                var value = requirement[(at + op.Length)..].Trim();
                if (value.Contains('(') || value.Contains(')') || value.Contains(' '))
                {
                    throw Invalid(text, $"invalid label value: \"{value}\"");
                }
                return negate
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }
        var parts = requirement.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            var key = CheckKey(parts[0], text);
            return labels => labels.ContainsKey(key);
        }
        var rest = parts[1];
        var notIn = rest.StartsWith("notin", StringComparison.Ordinal);
        var isIn = !notIn && rest.StartsWith("in", StringComparison.Ordinal);
        if (!isIn && !notIn)
        {
            throw Invalid(text, "expected one of =, ==, !=, in, notin");
        }
        var set = rest[(notIn ? 5 : 2)..].Trim();
        if (!set.StartsWith('(') || !set.EndsWith(')'))
        {
            throw Invalid(text, "expected a parenthesised set of values");
        }
        var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var setKey = CheckKey(parts[0], text);
        return notIn
            ? labels => !labels.TryGetValue(setKey, out var v) || !values.Contains(v)
            : labels => labels.TryGetValue(setKey, out var v) && values.Contains(v);
    }

    private static string CheckKey(string key, string requirement)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '!' or ','))
        {
            throw Invalid(requirement, $"invalid label key \"{key}\"");
        }
        return key;
    }

    private static ApiException Invalid(string selector, string why) =>
        ApiException.BadRequest($"unable to parse requirement: {why} (in label selector \"{selector.Trim()}\")");
}
