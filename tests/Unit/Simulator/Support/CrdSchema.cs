using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// Validates objects against the real FlinkDeployment CRD's openAPIV3Schema (from ../shared/reference):
/// required fields, types, enums, int-or-string, and no field the structural schema does not know.
/// </summary>
internal static class CrdSchema
{
    private static readonly Lazy<JsonObject> FlinkDeploymentSchema = new(() => LoadSchema(RepositoryPaths.FlinkDeploymentCrd));
    private static readonly Lazy<JsonObject> FlinkStateSnapshotSchema = new(() => LoadSchema(RepositoryPaths.FlinkStateSnapshotCrd));

    /// <summary>Every violation found in a FlinkDeployment, as "path: problem".</summary>
    public static List<string> ValidateFlinkDeployment(JsonObject flinkDeployment) => Validate(flinkDeployment, FlinkDeploymentSchema.Value);

    /// <summary>Every violation found in a FlinkStateSnapshot, as "path: problem".</summary>
    public static List<string> ValidateFlinkStateSnapshot(JsonObject snapshot) => Validate(snapshot, FlinkStateSnapshotSchema.Value);

    /// <summary>Every violation of <paramref name="obj"/> against an openAPIV3Schema; apiVersion, kind and metadata are the API server's to check.</summary>
    public static List<string> Validate(JsonObject obj, JsonObject schema)
    {
        var errors = new List<string>();
        RequireFields(obj, schema, "", errors);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }
            if (schema["properties"]?[key] is JsonObject property)
            {
                Validate(value, property, key, errors);
            }
            else
            {
                errors.Add($"{key}: unknown field");
            }
        }
        return errors;
    }

    private static void Validate(JsonNode? node, JsonObject schema, string path, List<string> errors)
    {
        if (node is null)
        {
            return;
        }
        if (IsTrue(schema["x-kubernetes-int-or-string"]))
        {
            if (node is not JsonValue v || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            {
                errors.Add($"{path}: must be an integer or a string");
            }
            return;
        }
        var type = schema["type"]?.GetValue<string>();
        var preserve = IsTrue(schema["x-kubernetes-preserve-unknown-fields"]);
        if (type is null && preserve)
        {
            return;
        }
        switch (type)
        {
            case "object":
                if (node is not JsonObject obj)
                {
                    errors.Add($"{path}: must be an object");
                    return;
                }
                RequireFields(obj, schema, path, errors);
                foreach (var (key, value) in obj)
                {
                    var childPath = $"{path}.{key}";
                    if (schema["properties"]?[key] is JsonObject property)
                    {
                        Validate(value, property, childPath, errors);
                    }
                    else if (schema["additionalProperties"] is JsonObject additional)
                    {
                        Validate(value, additional, childPath, errors);
                    }
                    else if (!preserve)
                    {
                        errors.Add($"{childPath}: unknown field");
                    }
                }
                return;
            case "array":
                if (node is not JsonArray array)
                {
                    errors.Add($"{path}: must be an array");
                    return;
                }
                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(array[i], items, $"{path}[{i}]", errors);
                    }
                }
                return;
        }
        var kind = node is JsonValue scalar ? scalar.GetValueKind() : JsonValueKind.Object;
        var ok = type switch
        {
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && ((JsonValue)node).TryGetValue<long>(out _),
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: must be of type {type}, got {node.ToJsonString()}");
            return;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a?.GetValue<string>() == ((JsonValue)node).ToString()))
        {
            errors.Add($"{path}: {node.ToJsonString()} is not one of [{string.Join(", ", allowed)}]");
        }
    }

    // A required field that is missing or null is refused by the API server ("Required value").
    private static void RequireFields(JsonObject obj, JsonObject schema, string path, List<string> errors)
    {
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (obj[name] is null)
            {
                errors.Add($"{(path.Length == 0 ? name : $"{path}.{name}")}: Required value");
            }
        }
    }

    private static bool IsTrue(JsonNode? node) => node?.ToString() is "true" or "True";

    private static JsonObject LoadSchema(string crdPath)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(crdPath));
        var crd = (JsonObject)ToJson(yaml)!;
        return (JsonObject)crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
    }

    private static JsonNode? ToJson(object? yaml) => yaml switch
    {
        IDictionary<object, object> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, ToJson(p.Value)))),
        IList<object> list => new JsonArray([.. list.Select(ToJson)]),
        null => null,
        _ => JsonValue.Create(Convert.ToString(yaml, CultureInfo.InvariantCulture)),
    };
}
