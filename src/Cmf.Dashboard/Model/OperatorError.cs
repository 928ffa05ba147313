using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The operator writes <c>status.error</c> as JSON more often than not (<c>{"type":...,"message":...,"throwableList":[...]}</c>).
/// A badge names its message; the error alert adds the causes and keeps the whole text one click away.
/// </summary>
public static class OperatorError
{
    /// <summary>The error's own message, or the whole text when it carries none.</summary>
    public static string Summary(string error) => Read(error).Summary;

    /// <summary>
    /// The message, the distinct messages of its causes in order, and the raw JSON (null for a plain-text error,
    /// which is already shown whole as its summary).
    /// </summary>
    public static OperatorErrorDetail Read(string error)
    {
        var text = error.Trim();
        if (!text.StartsWith('{'))
        {
            return new OperatorErrorDetail(text, [], null);
        }
        try
        {
            if (JsonNode.Parse(text) is not JsonObject json || MessageOf(json) is not { } message)
            {
                return new OperatorErrorDetail(text, [], null);
            }
            var causes = (json["throwableList"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(MessageOf)
                .OfType<string>()
                .Where(cause => cause != message)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new OperatorErrorDetail(message, causes, text);
        }
        catch (JsonException)
        {
            return new OperatorErrorDetail(text, [], null);
        }
    }

    private static string? MessageOf(JsonObject json) =>
        json["message"] is JsonValue value && value.TryGetValue<string>(out var message) && !string.IsNullOrWhiteSpace(message)
            ? message.Trim()
            : null;
}

/// <param name="Summary">What the alert and the badge lead with.</param>
/// <param name="Causes">The messages of the exceptions behind it, outermost first.</param>
/// <param name="Raw">The JSON as the operator wrote it; null when the summary is already the whole text.</param>
public sealed record OperatorErrorDetail(string Summary, IReadOnlyList<string> Causes, string? Raw);
