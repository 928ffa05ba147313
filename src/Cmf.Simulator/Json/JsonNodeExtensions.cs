using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Json;

/// <summary>Small helpers to read and write nested JSON without a ladder of null checks.</summary>
internal static class JsonNodeExtensions
{
    public static JsonObject? ObjectAt(this JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
        }
        return node as JsonObject;
    }

    public static JsonNode? NodeAt(this JsonObject root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
        }
        return node;
    }

    /// <summary>A scalar at <paramref name="path"/> as text (numbers and booleans included), or null.</summary>
    public static string? StringAt(this JsonObject root, params string[] path) =>
        root.NodeAt(path) is JsonValue value ? value.AsText() : null;

    public static long? LongAt(this JsonObject root, params string[] path)
    {
        if (root.NodeAt(path) is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue<long>(out var number))
        {
            return number;
        }
        if (value.TryGetValue<double>(out var real))
        {
            return (long)real;
        }
        return long.TryParse(value.AsText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static string? AsText(this JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    public static JsonObject GetOrAddObject(this JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static JsonObject Metadata(this JsonObject obj) => obj.GetOrAddObject("metadata");

    /// <summary>Removes null-valued properties everywhere, as the API server prunes them from custom resources.</summary>
    public static void RemoveNulls(this JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null || (p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Null)).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, child) in obj)
                {
                    child.RemoveNulls();
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    child.RemoveNulls();
                }
                break;
        }
    }
}
