using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Json;

/// <summary>
/// Semantic JSON equality as Kubernetes and the operator see it: key order does not matter,
/// numbers compare by value, and a null property is the same as a missing one.
/// </summary>
internal static class JsonEquivalence
{
    public static bool AreEquivalent(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return IsNullish(a) && IsNullish(b);
        }
        switch (a, b)
        {
            case (JsonObject oa, JsonObject ob):
                foreach (var (key, value) in oa)
                {
                    if (!AreEquivalent(value, ob[key]))
                    {
                        return false;
                    }
                }
                foreach (var (key, value) in ob)
                {
                    if (!oa.ContainsKey(key) && !IsNullish(value))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonArray aa, JsonArray ab):
                if (aa.Count != ab.Count)
                {
                    return false;
                }
                for (var i = 0; i < aa.Count; i++)
                {
                    if (!AreEquivalent(aa[i], ab[i]))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonValue va, JsonValue vb):
                return ValuesEqual(va, vb);
            default:
                return false;
        }
    }

    private static bool IsNullish(JsonNode? node) =>
        node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);

    private static bool ValuesEqual(JsonValue a, JsonValue b)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA != kindB)
        {
            // true and false are different kinds; so are the nulls, handled by the caller.
            return false;
        }
        return kindA switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.Number => NumbersEqual(a, b),
            _ => true,
        };
    }

    private static bool NumbersEqual(JsonValue a, JsonValue b)
    {
        if (decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return da == db;
        }
        return a.ToJsonString() == b.ToJsonString();
    }
}
