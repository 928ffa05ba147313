using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Attribution;

/// <summary>
/// The spec fields that differ between two specs, as paths of field names. Lists compare whole (a custom resource's
/// lists are atomic unless its schema says otherwise, and FlinkDeployment's says nothing); a missing field equals
/// <c>null</c>, and numbers compare by value, because the operator's <c>lastReconciledSpec</c> is a Jackson dump that
/// writes <c>"entryClass": null</c> and <c>cpu: 1.0</c> where the object has nothing and <c>1</c>.
/// </summary>
internal static class SpecChanges
{
    /// <summary>Paths listed at most: enough to find the writer, bounded for a hostile spec.</summary>
    public const int MaxPaths = 256;

    public static IReadOnlyList<string[]> Between(JsonObject previous, JsonObject next)
    {
        var paths = new List<string[]>();
        Collect(previous, next, [], paths);
        return paths;
    }

    private static void Collect(JsonNode? previous, JsonNode? next, List<string> path, List<string[]> paths)
    {
        if (paths.Count >= MaxPaths)
        {
            return;
        }
        if (previous is JsonObject before && next is JsonObject after)
        {
            // The keys of both, the earlier's first, each once (a loop, not Union: every listed object compares its spec).
            foreach (var (key, value) in before)
            {
                path.Add(key);
                Collect(value, after[key], path, paths);
                path.RemoveAt(path.Count - 1);
            }
            foreach (var (key, value) in after)
            {
                if (!before.ContainsKey(key))
                {
                    path.Add(key);
                    Collect(previous: null, value, path, paths);
                    path.RemoveAt(path.Count - 1);
                }
            }
            return;
        }
        if (!Equivalent(previous, next))
        {
            paths.Add([.. path]);
        }
    }

    private static bool Equivalent(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                foreach (var (key, value) in x)
                {
                    if (!Equivalent(value, y[key]))
                    {
                        return false;
                    }
                }
                foreach (var (key, value) in y)
                {
                    if (!x.ContainsKey(key) && !Equivalent(null, value))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => Equivalent(p.First, p.Second));
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                return decimal.TryParse(x.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                    && decimal.TryParse(y.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    ? m == n
                    : JsonNode.DeepEquals(x, y);
            default:
                return JsonNode.DeepEquals(a, b);
        }
    }
}
