using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Validation;

/// <summary>What the API server checks before it stores an object: names, labels, and the CRD schema.</summary>
internal static partial class ObjectValidator
{
    private const int MaxAnnotationBytes = 256 * 1024;

    /// <summary>Validates <paramref name="obj"/>; returns the unknown fields the schema does not know (the caller applies the field validation mode).</summary>
    public static List<string> Validate(ResourceType type, JsonObject obj)
    {
        var errors = new List<FieldError>();
        var unknown = new List<string>();
        var metadata = obj["metadata"] as JsonObject;
        var name = metadata?.StringAt("name") ?? "";
        ValidateName(type, name, errors);
        ValidateStringMap(metadata?["labels"], "metadata.labels", errors, isLabels: true);
        ValidateStringMap(metadata?["annotations"], "metadata.annotations", errors, isLabels: false);
        if (type == ResourceTypes.FlinkDeployments)
        {
            SchemaValidator.Validate(obj, FlinkDeploymentSchema.Root, "", errors, unknown);
        }
        else if (type == ResourceTypes.FlinkStateSnapshots)
        {
            SchemaValidator.Validate(obj, FlinkStateSnapshotSchema.Root, "", errors, unknown);
        }
        else if (type == ResourceTypes.Leases)
        {
            LeaseValidator.Validate(obj, errors, unknown);
        }
        if (errors.Count > 0)
        {
            throw Invalid(type, name, errors);
        }
        return unknown;
    }

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
        var summary = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Detail, ["field"] = error.Field });
        }
        var details = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Kind, ["causes"] = causes };
        return new ApiException(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {summary}", details);
    }

    private static void ValidateName(ResourceType type, string name, List<FieldError> errors)
    {
        if (name.Length == 0)
        {
            errors.Add(new FieldError("FieldValueRequired", "metadata.name", "Required value: name or generateName is required"));
            return;
        }
        // Namespaces are DNS labels; everything else served here is a DNS subdomain.
        var valid = type == ResourceTypes.Namespaces
            ? name.Length <= 63 && DnsLabel().IsMatch(name)
            : name.Length <= 253 && DnsSubdomain().IsMatch(name);
        if (!valid)
        {
            var rule = type == ResourceTypes.Namespaces
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
            errors.Add(new FieldError("FieldValueInvalid", "metadata.name", $"Invalid value: \"{name}\": {rule}"));
        }
    }

    private static void ValidateStringMap(JsonNode? node, string path, List<FieldError> errors, bool isLabels)
    {
        if (node is null)
        {
            return;
        }
        if (node is not JsonObject map)
        {
            errors.Add(new FieldError("FieldValueTypeInvalid", path, "Invalid value: must be a map of strings"));
            return;
        }
        var total = 0;
        foreach (var (key, value) in map)
        {
            if (value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                errors.Add(new FieldError("FieldValueTypeInvalid", $"{path}.{key}", "Invalid value: must be a string"));
                continue;
            }
            var text = v.GetValue<string>();
            total += key.Length + text.Length;
            if (!QualifiedName().IsMatch(key))
            {
                errors.Add(new FieldError("FieldValueInvalid", path, $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
            }
            if (isLabels && (text.Length > 63 || (text.Length > 0 && !LabelValue().IsMatch(text))))
            {
                errors.Add(new FieldError("FieldValueInvalid", $"{path}", $"Invalid value: \"{text}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
            }
        }
        if (!isLabels && total > MaxAnnotationBytes)
        {
            errors.Add(new FieldError("FieldValueTooLong", path, $"Too long: must have at most {MaxAnnotationBytes} bytes"));
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
