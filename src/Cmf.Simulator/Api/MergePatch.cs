using System.Text.Json.Nodes;

namespace Cmf.Simulator.Api;

/// <summary>JSON merge patch (RFC 7386): objects merge key by key, null removes a key, anything else replaces.</summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null || (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
            {
                result.Remove(key);
            }
            else
            {
                var existing = result[key];
                var merged = Apply(existing, value);
                if (!ReferenceEquals(merged, existing))
                {
                    result[key] = merged;
                }
            }
        }
        return result;
    }
}
