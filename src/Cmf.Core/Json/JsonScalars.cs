using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Json;

/// <summary>Reads scalars from JSON nodes whatever backs them: parsed JSON or values built in code.</summary>
internal static class JsonScalars
{
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value of another kind",
        },
    };

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue scalar && scalar.TryGetValue(out string? text))
        {
            value = text;
            return true;
        }
        value = "";
        return false;
    }

    public static string? AsString(JsonNode? node) => TryGetString(node, out var value) ? value : null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.Number;

    /// <summary>An integral JSON number; <c>1.5</c>, strings and out-of-range values are not.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue scalar)
        {
            return false;
        }
        if (scalar.TryGetValue(out JsonElement element))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
        }
        if (scalar.TryGetValue(out long int64))
        {
            value = int64;
            return true;
        }
        if (scalar.TryGetValue(out int int32))
        {
            value = int32;
            return true;
        }
        if (scalar.TryGetValue(out double real) && double.IsInteger(real) && Math.Abs(real) < 9.2e18)
        {
            value = (long)real;
            return true;
        }
        return false;
    }
}
