using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// Compares two canonical, fingerprinted effective specs (as stored) and says what changed, in one bounded line and as kinds
/// of field. Pure. A value that holds a fingerprinted secret is never shown: the line says "secret changed".
/// </summary>
public static class SpecChangeSummary
{
    /// <summary>A value is cut to this many characters in the summary.</summary>
    public const int MaxValueLength = 40;

    private const string Arrow = " -> ";

    private static readonly string[] ParallelismKeys = ["parallelism.default", "pipeline.jobvertex-parallelism-overrides"];

    /// <summary>What <paramref name="currentJson"/> changed against <paramref name="previousJson"/>; unreadable JSON compares as an empty spec.</summary>
    public static SpecChange Between(string previousJson, string currentJson) =>
        Between(Parse(previousJson), Parse(currentJson));

    public static SpecChange Between(JsonObject previous, JsonObject current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var phrases = new List<(int Order, string Text)>();
        var kinds = SpecChangeKinds.None;
        var keys = new List<string>();

        foreach (var (path, before, after) in Differences(SpecLeaves.Fields(previous), SpecLeaves.Fields(current)))
        {
            var (kind, order, name) = Classify(path);
            kinds |= kind;
            phrases.Add((order, Phrase(name, before, after, shortenImage: kind == SpecChangeKinds.Image)));
        }
        foreach (var (key, before, after) in Differences(SpecLeaves.Configuration(previous), SpecLeaves.Configuration(current)))
        {
            var parallelism = ParallelismKeys.Contains(key, StringComparer.Ordinal);
            kinds |= SpecChangeKinds.Configuration | (parallelism ? SpecChangeKinds.Parallelism : SpecChangeKinds.None);
            if (keys.Count < SpecChange.MaxConfigurationKeys && key.Length <= SpecChange.MaxKeyLength)
            {
                keys.Add(key);
            }
            phrases.Add((parallelism ? 2 : 4, Phrase(SpecLeaves.ConfigurationSection + " " + Inert(key, SpecChange.MaxKeyLength), before, after, shortenImage: false)));
        }
        if (phrases.Count == 0)
        {
            return SpecChange.NoChange;
        }
        var ordered = phrases.OrderBy(p => p.Order).Select(p => p.Text).ToList();
        return new SpecChange(Join(ordered), kinds, [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static IEnumerable<(string Path, JsonNode? Before, JsonNode? After)> Differences(
        Dictionary<string, JsonNode?> before, Dictionary<string, JsonNode?> after)
    {
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(path, out var old);
            var has = after.TryGetValue(path, out var now);
            if (had != has || !JsonNode.DeepEquals(old, now))
            {
                yield return (path, had ? old ?? JsonValue.Create("null") : null, has ? now ?? JsonValue.Create("null") : null);
            }
        }
    }

    private static (SpecChangeKinds Kind, int Order, string Name) Classify(string path) => path switch
    {
        "image" => (SpecChangeKinds.Image, 0, "image"),
        "flinkVersion" => (SpecChangeKinds.FlinkVersion, 1, "Flink version"),
        "job.parallelism" => (SpecChangeKinds.Parallelism, 2, "parallelism"),
        "taskManager.replicas" => (SpecChangeKinds.Parallelism, 2, "taskManager.replicas"),
        _ when path.StartsWith("jobManager.resource", StringComparison.Ordinal)
            || path.StartsWith("taskManager.resource", StringComparison.Ordinal) => (SpecChangeKinds.Resources, 3, Inert(path, SpecChange.MaxKeyLength)),
        _ => (SpecChangeKinds.Other, 5, Inert(path, SpecChange.MaxKeyLength)),
    };

    private static string Phrase(string name, JsonNode? before, JsonNode? after, bool shortenImage)
    {
        if (HoldsSecret(before) || HoldsSecret(after))
        {
            return before is null ? $"{name} secret added" : after is null ? $"{name} secret removed" : $"{name} secret changed";
        }
        if (before is null)
        {
            return $"{name} set to {Value(after)}";
        }
        if (after is null)
        {
            return $"{name} removed (was {Value(before)})";
        }
        var (old, now) = (Value(before), Value(after));
        if (shortenImage && CommonRepository(old, now) is { } prefix)
        {
            now = now[prefix.Length..];
        }
        return name + " " + old + Arrow + now;
    }

    /// <summary>"flink:1.20.1" and "flink:1.20.2" share "flink:": the new tag alone says enough.</summary>
    private static string? CommonRepository(string old, string now)
    {
        var colon = old.LastIndexOf(':');
        return colon > 0 && old.IndexOf('/', colon) < 0 && now.Length > colon + 1 && now.StartsWith(old[..(colon + 1)], StringComparison.Ordinal)
            ? old[..(colon + 1)]
            : null;
    }

    private static bool HoldsSecret(JsonNode? node) => node switch
    {
        null => false,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Contains("<sealed:", StringComparison.Ordinal),
        JsonValue => false,
        _ => node.ToJsonString().Contains("<sealed:", StringComparison.Ordinal),
    };

    private static string Value(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? "\"\"" : Inert(text, MaxValueLength),
        JsonObject => "{}",
        JsonArray array => array.Count == 0 ? "[]" : Inert(array.ToJsonString(), MaxValueLength),
        _ => Inert(node?.ToJsonString() ?? "null", MaxValueLength),
    };

    /// <summary>One line of at most <paramref name="max"/> characters: line breaks and other control characters become spaces.</summary>
    private static string Inert(string text, int max)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (builder.Length == max)
            {
                builder.Length = max - 1;
                builder.Append('…');
                break;
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }

    private static string Join(List<string> phrases)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < phrases.Count; i++)
        {
            var separator = i == 0 ? "" : ", ";
            var rest = phrases.Count - i;
            var more = rest > 1 ? $", and {rest - 1} more" : "";
            // Keep room for the "and N more" that would follow if the next phrase did not fit.
            if (builder.Length + separator.Length + phrases[i].Length + (rest > 1 ? 16 : 0) > SpecChange.MaxSummaryLength)
            {
                if (i == 0)
                {
                    builder.Append(Inert(phrases[0], SpecChange.MaxSummaryLength - 16));
                    return builder.Append(more).ToString();
                }
                return builder.Append($", and {rest} more").ToString();
            }
            builder.Append(separator).Append(phrases[i]);
        }
        return builder.ToString();
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
