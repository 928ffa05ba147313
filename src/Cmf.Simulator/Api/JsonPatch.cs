using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Api;

/// <summary>JSON patch (RFC 6902) operations add, remove, replace, move, copy and test, addressed by JSON pointers.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiException.BadRequest("a JSON patch must be an array of operations");
        }
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw ApiException.BadRequest("each JSON patch operation must be an object");
            }
            var name = op.StringAt("op");
            var path = op.StringAt("path") ?? throw ApiException.BadRequest("JSON patch operation has no path");
            switch (name)
            {
                case "add":
                    Add(document, path, Value(op));
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, Value(op));
                    break;
                case "move":
                    var moved = Remove(document, From(op));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Resolve(document, From(op))?.DeepClone());
                    break;
                case "test":
                    if (!JsonEquivalence.AreEquivalent(Resolve(document, path), op["value"]))
                    {
                        throw new ApiException(422, "Invalid", $"the test operation failed at path {path}");
                    }
                    break;
                default:
                    throw ApiException.BadRequest($"unknown JSON patch operation \"{name}\"");
            }
        }
        return document;
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw ApiException.BadRequest("JSON patch operation has no value");

    private static string From(JsonObject op) => op.StringAt("from") ?? throw ApiException.BadRequest("JSON patch operation has no from");

    private static string[] Segments(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (!pointer.StartsWith('/'))
        {
            throw ApiException.BadRequest($"invalid JSON pointer \"{pointer}\"");
        }
        return [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Resolve(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var segment in Segments(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.ContainsKey(segment) => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => throw new ApiException(422, "Invalid", $"the path \"{pointer}\" does not exist"),
            };
        }
        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string pointer)
    {
        var segments = Segments(pointer);
        if (segments.Length == 0)
        {
            throw ApiException.BadRequest("a JSON patch cannot replace the whole object");
        }
        var parentPointer = string.Concat(segments[..^1].Select(s => "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        var parent = Resolve(document, parentPointer) ?? throw new ApiException(422, "Invalid", $"the path \"{pointer}\" does not exist");
        return (parent, segments[^1]);
    }

    private static void Add(JsonNode document, string pointer, JsonNode? value)
    {
        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= array.Count:
                array.Insert(i, value);
                break;
            default:
                throw new ApiException(422, "Invalid", $"cannot add at \"{pointer}\"");
        }
    }

    private static JsonNode? Remove(JsonNode document, string pointer)
    {
        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                var removed = obj[last];
                obj.Remove(last);
                return removed;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                var item = array[i];
                array.RemoveAt(i);
                return item;
            default:
                throw new ApiException(422, "Invalid", $"the path \"{pointer}\" does not exist");
        }
    }
}
