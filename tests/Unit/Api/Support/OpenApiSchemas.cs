using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace Cmf.UnitTests.Api.Support;

/// <summary>
/// The component schemas of an OpenAPI document as one JSON Schema document (<c>components/schemas</c> moved under
/// <c>definitions</c>, references rewritten), so NJsonSchema validates a response against any of them by name.
/// Nothing in the schemas is changed or relaxed.
/// </summary>
public sealed class OpenApiSchemas
{
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly JsonObject _definitions;

    private OpenApiSchemas(JsonObject definitions) => _definitions = definitions;

    public static OpenApiSchemas FromYaml(string yaml) => FromDocument(YamlToJson(yaml));

    /// <summary>
    /// The schemas as OpenAPI Generator's clients (CMF's Go SDK, <c>model_event_data.go</c>) read a <c>oneOf</c>: a value
    /// is one of the choices when it has a member the choice declares, so an object schema without required members is
    /// chosen only by one of its own members. In JSON Schema any object matches such a choice, and a <c>oneOf</c> of two
    /// of them matches nothing (CMF's <c>EventData</c>). The choices are made stricter, never looser: each must also
    /// hold one of its declared members; the named schemas themselves are unchanged.
    /// </summary>
    public OpenApiSchemas AsGeneratedClientsRead()
    {
        var definitions = (JsonObject)_definitions.DeepClone();
        foreach (var (_, schema) in definitions)
        {
            if (schema?["oneOf"] is not JsonArray choices)
            {
                continue;
            }
            for (var i = 0; i < choices.Count; i++)
            {
                var target = choices[i]?["$ref"]?.GetValue<string>() is { } reference ? definitions[reference.Split('/')[^1]] : choices[i];
                if (target?["properties"] is JsonObject properties && target["required"] is null)
                {
                    choices[i] = new JsonObject
                    {
                        ["allOf"] = new JsonArray(choices[i]!.DeepClone()),
                        ["anyOf"] = new JsonArray([.. properties.Select(p => (JsonNode)new JsonObject { ["required"] = new JsonArray(p.Key) })]),
                    };
                }
            }
        }
        return new OpenApiSchemas(definitions);
    }

    public static OpenApiSchemas FromJson(string json) => FromDocument(JsonNode.Parse(json)!);

    public IReadOnlyCollection<string> Names => [.. _definitions.Select(d => d.Key)];

    /// <summary>The validation errors of <paramref name="json"/> against the schema <paramref name="name"/>; empty when valid.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string name, string json)
    {
        if (!_definitions.ContainsKey(name))
        {
            throw new ArgumentException($"The document has no schema named {name}.", nameof(name));
        }
        if (!_schemas.TryGetValue(name, out var schema))
        {
            // The named schema is the root (a root that is only a $ref trips NJsonSchema's resolver); its references resolve in definitions.
            var root = (JsonObject)_definitions[name]!.DeepClone();
            root["definitions"] = _definitions.DeepClone();
            schema = await JsonSchema.FromJsonAsync(root.ToJsonString());
            _schemas[name] = schema;
        }
        return [.. schema.Validate(json).Select(e => e.ToString())];
    }

    private static OpenApiSchemas FromDocument(JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject()
            ?? throw new InvalidOperationException("The OpenAPI document has no components/schemas.");
        var definitions = (JsonObject)schemas.DeepClone();
        RewriteReferences(definitions);
        return new OpenApiSchemas(definitions);
    }

    private static void RewriteReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/definitions/" + target["#/components/schemas/".Length..];
                }
                foreach (var (_, value) in obj.ToList())
                {
                    RewriteReferences(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteReferences(item);
                }
                break;
        }
    }

    /// <summary>YAML to JSON with YAML 1.2 core typing of plain scalars (numbers, booleans, null); quoted scalars stay strings.</summary>
    public static JsonNode YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        return text switch
        {
            "null" or "~" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }
}
