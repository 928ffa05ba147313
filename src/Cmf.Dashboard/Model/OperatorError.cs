using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The operator writes <c>status.error</c> as JSON more often than not (<c>{"type":...,"message":...,"throwableList":[...]}</c>).
/// A badge names its message; the whole text stays in titles and in the error alert.
/// </summary>
public static class OperatorError
{
    public static string Summary(string error)
    {
        var text = error.Trim();
        if (!text.StartsWith('{'))
        {
            return text;
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject { } json
                && json["message"] is JsonValue value && value.TryGetValue<string>(out var message) && !string.IsNullOrWhiteSpace(message)
                ? message.Trim()
                : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
