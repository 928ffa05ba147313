using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Cmf.Core.Configuration;

/// <summary>
/// Turns <c>Cmf:Environments:N:FlinkApplicationDefaults</c> into JSON. Configuration only holds strings,
/// so a section's scalars are typed by their look; a JSON string value is taken exactly as written.
/// </summary>
public static class EnvironmentDefaultsReader
{
    public const string Key = "FlinkApplicationDefaults";

    public static void Fill(CmfOptions options, IConfigurationSection cmfSection)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cmfSection);
        var sections = cmfSection.GetSection(nameof(CmfOptions.Environments)).GetChildren().ToList();
        for (var i = 0; i < options.Environments.Count && i < sections.Count; i++)
        {
            var environment = options.Environments[i];
            var defaults = sections[i].GetSection(Key);
            try
            {
                environment.FlinkApplicationDefaults = Read(defaults);
                environment.FlinkApplicationDefaultsError = null;
            }
            catch (JsonException e)
            {
                environment.FlinkApplicationDefaults = null;
                environment.FlinkApplicationDefaultsError = $"{defaults.Path} is not a JSON object: {e.Message}";
            }
        }
    }

    public static JsonObject? Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Value is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("expected an object");
        }
        return section.GetChildren().Any() ? (JsonObject)ToNode(section) : null;
    }

    private static JsonNode ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return Scalar(section.Value ?? "");
        }
        if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(ToNode(child));
            }
            return array;
        }
        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = ToNode(child);
        }
        return obj;
    }

    private static JsonNode Scalar(string value)
    {
        if (bool.TryParse(value, out var flag))
        {
            return JsonValue.Create(flag);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }
}
