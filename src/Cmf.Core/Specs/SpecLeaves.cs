using System.Globalization;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// A spec as its leaves: every scalar (and every empty object or array) by its path, with <c>flinkConfiguration</c>
/// read as Flink reads it, one dotted key per value whether the YAML nests the keys or not.
/// </summary>
internal static class SpecLeaves
{
    public const string ConfigurationSection = "flinkConfiguration";

    /// <summary>Leaves outside <c>flinkConfiguration</c> by path (<c>job.parallelism</c>, <c>podTemplate.spec.containers[0].image</c>).</summary>
    public static Dictionary<string, JsonNode?> Fields(JsonObject spec)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in spec)
        {
            if (key != ConfigurationSection)
            {
                Walk(value, key, leaves, dotted: false);
            }
        }
        return leaves;
    }

    /// <summary>The <c>flinkConfiguration</c> values by dotted key (<c>taskmanager.numberOfTaskSlots</c>).</summary>
    public static Dictionary<string, JsonNode?> Configuration(JsonObject spec)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (spec[ConfigurationSection] is JsonObject configuration)
        {
            foreach (var (key, value) in configuration)
            {
                Walk(value, key, leaves, dotted: true);
            }
        }
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, JsonNode?> leaves, bool dotted)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Walk(value, dotted ? path + "." + key : JsonPathText.Child(path, key), leaves, dotted);
                }
                break;
            case JsonArray array when array.Count > 0 && !dotted:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaves, dotted);
                }
                break;
            default:
                // A configuration value that is a list stays one value: Flink reads it as one.
                leaves[path] = node;
                break;
        }
    }
}
