namespace Cmf.Simulator.Validation;

/// <summary>The subset of a CRD's structural OpenAPI schema the simulator checks: types, enums, known properties.</summary>
internal sealed class SchemaNode
{
    public string? Type { get; init; }

    public IReadOnlyList<string>? Enum { get; init; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public SchemaNode? AdditionalProperties { get; init; }

    public SchemaNode? Items { get; init; }

    /// <summary>x-kubernetes-preserve-unknown-fields: anything goes below this node.</summary>
    public bool PreserveUnknownFields { get; init; }

    /// <summary>x-kubernetes-int-or-string.</summary>
    public bool IntOrString { get; init; }

    public static SchemaNode Text { get; } = new() { Type = "string" };

    public static SchemaNode WholeNumber { get; } = new() { Type = "integer" };

    public static SchemaNode AnyNumber { get; } = new() { Type = "number" };

    public static SchemaNode Flag { get; } = new() { Type = "boolean" };

    public static SchemaNode IntOrStringValue { get; } = new() { IntOrString = true };

    public static SchemaNode Anything { get; } = new() { PreserveUnknownFields = true };

    public static SchemaNode AnyObject { get; } = new() { Type = "object", PreserveUnknownFields = true };

    public static SchemaNode StringMap { get; } = new() { Type = "object", AdditionalProperties = Text };

    public static SchemaNode OneOf(params string[] values) => new() { Type = "string", Enum = values };

    public static SchemaNode Object(params (string Name, SchemaNode Schema)[] properties) =>
        new() { Type = "object", Properties = properties.ToDictionary(p => p.Name, p => p.Schema) };

    public static SchemaNode ArrayOf(SchemaNode items) => new() { Type = "array", Items = items };

    public static SchemaNode MapOf(SchemaNode values) => new() { Type = "object", AdditionalProperties = values };
}
