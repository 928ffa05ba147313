using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Validation;

/// <summary>
/// Checks a JSON value against a <see cref="SchemaNode"/>: type and enum violations are field errors
/// (422), unknown fields are collected separately because the field validation mode decides their fate.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(JsonNode? node, SchemaNode schema, string path, List<FieldError> errors, List<string> unknownFields)
    {
        if (node is null || schema.PreserveUnknownFields && schema.Type is null)
        {
            return;
        }
        if (schema.IntOrString)
        {
            if (node is not JsonValue v || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            {
                errors.Add(TypeError(path, node, "integer or string"));
            }
            return;
        }
        switch (schema.Type)
        {
            case "object":
                if (node is not JsonObject obj)
                {
                    errors.Add(TypeError(path, node, "object"));
                    return;
                }
                ValidateObject(obj, schema, path, errors, unknownFields);
                return;
            case "array":
                if (node is not JsonArray array)
                {
                    errors.Add(TypeError(path, node, "array"));
                    return;
                }
                if (schema.Items is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(array[i], items, $"{path}[{i}]", errors, unknownFields);
                    }
                }
                return;
            default:
                ValidateScalar(node, schema, path, errors);
                return;
        }
    }

    private static void ValidateObject(JsonObject obj, SchemaNode schema, string path, List<FieldError> errors, List<string> unknownFields)
    {
        if (schema.PreserveUnknownFields && schema.Properties is null)
        {
            return;
        }
        foreach (var (key, value) in obj)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (schema.Properties?.GetValueOrDefault(key) is { } property)
            {
                Validate(value, property, childPath, errors, unknownFields);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Validate(value, additional, childPath, errors, unknownFields);
            }
            else if (!schema.PreserveUnknownFields)
            {
                unknownFields.Add(childPath);
            }
        }
    }

    private static void ValidateScalar(JsonNode node, SchemaNode schema, string path, List<FieldError> errors)
    {
        var kind = node is JsonValue value ? value.GetValueKind() : node is JsonArray ? JsonValueKind.Array : JsonValueKind.Object;
        var ok = schema.Type switch
        {
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        if (!ok)
        {
            errors.Add(TypeError(path, node, schema.Type!));
            return;
        }
        if (schema.Enum is { } allowed && !allowed.Contains(((JsonValue)node).GetValue<string>()))
        {
            var supported = string.Join(", ", allowed.Select(a => $"\"{a}\""));
            errors.Add(new FieldError("FieldValueNotSupported", path, $"Unsupported value: {node.ToJsonString()}: supported values: {supported}"));
        }
    }

    private static FieldError TypeError(string path, JsonNode node, string expected)
    {
        var actual = node switch
        {
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "null",
            },
            _ => "null",
        };
        return new FieldError("FieldValueTypeInvalid", path, $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\"");
    }
}
