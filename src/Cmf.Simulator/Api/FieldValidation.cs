using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// The <c>fieldValidation</c> query parameter: Strict rejects unknown fields (400), Warn drops them with
/// a Warning header (the server default), Ignore drops them silently.
/// </summary>
internal static class FieldValidation
{
    public static void Apply(HttpContext context, JsonObject obj, IReadOnlyList<string> unknownFields)
    {
        if (unknownFields.Count == 0)
        {
            return;
        }
        var mode = context.Request.Query["fieldValidation"].ToString();
        if (mode.Equals("Strict", StringComparison.OrdinalIgnoreCase))
        {
            var fields = string.Join(", ", unknownFields.Select(f => $"unknown field \"{f}\""));
            throw ApiException.BadRequest($"strict decoding error: {fields}");
        }
        foreach (var field in unknownFields)
        {
            Prune(obj, field.Split('.'));
            if (!mode.Equals("Ignore", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Append("Warning", $"299 - \"unknown field \\\"{field}\\\"\"");
            }
        }
    }

    private static void Prune(JsonObject obj, string[] path)
    {
        if (obj.ObjectAt(path[..^1]) is { } parent)
        {
            parent.Remove(path[^1]);
        }
    }
}
