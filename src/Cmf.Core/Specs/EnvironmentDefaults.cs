using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// An environment's <c>flinkApplicationDefaults</c>: a partial FlinkDeployment (<c>metadata</c>, <c>spec</c>) that CMF
/// merges into an application before it writes the FlinkDeployment. The dashboard shows them and marks the values of
/// an effective spec that equal them; it never merges them itself.
/// </summary>
public static class EnvironmentDefaults
{
    /// <summary>The <c>spec</c> of the defaults, or null when there is none (or it is not an object: <see cref="Validate"/> says so).</summary>
    public static JsonObject? Spec(JsonObject? environmentDefaults) => environmentDefaults?["spec"] as JsonObject;

    /// <summary>A message naming what is wrong with an environment's defaults, or null when they can be used.</summary>
    public static string? Validate(JsonObject? environmentDefaults)
    {
        var fields = new JsonFieldReader();
        fields.Object(environmentDefaults, "", "metadata");
        fields.Object(environmentDefaults, "", "spec");
        return fields.Error;
    }

    /// <summary>
    /// The paths of the spec's values that equal the defaults at the same place (<c>serviceAccount</c>,
    /// <c>flinkConfiguration["state.backend.type"]</c>), in canonical order: objects are compared member by member,
    /// arrays and scalars whole. Values equal by accident are marked too; the page says "equals the environment's default".
    /// </summary>
    public static IReadOnlyList<string> MatchingPaths(JsonObject effectiveSpec, JsonObject? environmentDefaults)
    {
        ArgumentNullException.ThrowIfNull(effectiveSpec);
        var paths = new List<string>();
        if (Spec(environmentDefaults) is { } defaults)
        {
            Collect(effectiveSpec, defaults, "", paths);
        }
        return paths;
    }

    private static void Collect(JsonObject spec, JsonObject defaults, string path, List<string> paths)
    {
        foreach (var (key, value) in spec.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (value is null || !defaults.TryGetPropertyValue(key, out var fallback) || fallback is null)
            {
                continue;
            }
            var child = JsonPathText.Child(path, key);
            if (value is JsonObject obj && fallback is JsonObject defaultObj)
            {
                Collect(obj, defaultObj, child, paths);
            }
            else if (JsonNode.DeepEquals(value, fallback))
            {
                paths.Add(child);
            }
        }
    }
}
