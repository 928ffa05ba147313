using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary><c>job.initialSavepointPath</c> of a stored effective spec: the savepoint or checkpoint a first deployment starts from.</summary>
public static class InitialSavepointPath
{
    public static string? Read(string? effectiveSpecJson)
    {
        if (string.IsNullOrEmpty(effectiveSpecJson))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(effectiveSpecJson) is JsonObject spec
                && spec["job"] is JsonObject job
                && job["initialSavepointPath"] is JsonValue value
                && value.TryGetValue<string>(out var path)
                && path.Length > 0
                    ? path
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
