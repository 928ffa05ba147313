using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Simulator.Api;

namespace Cmf.Simulator.Validation;

/// <summary>
/// A coordination.k8s.io/v1 Lease as kube-apiserver takes it: the body is decoded into the typed LeaseSpec first, so a
/// field of the wrong JSON type or a MicroTime that does not parse is a 400 before validation
/// (k8s.io/apiserver's decoder: "Lease in version "v1" cannot be handled as a Lease: ..."); then
/// pkg/apis/coordination/validation.ValidateLeaseSpec's value rules are 422s. MicroTimes are stored as the server
/// re-encodes them: UTC with microseconds.
/// </summary>
internal static partial class LeaseValidator
{
    /// <summary>metav1.RFC3339Micro, the layout MicroTime.UnmarshalJSON parses with time.Parse.</summary>
    public const string MicroTimeLayout = "2006-01-02T15:04:05.000000Z07:00";

    private static readonly string[] TopLevelFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] StringFields = ["holderIdentity", "strategy", "preferredHolder"];
    private static readonly string[] Int32Fields = ["leaseDurationSeconds", "leaseTransitions"];
    private static readonly string[] MicroTimeFields = ["acquireTime", "renewTime"];

    public static void Validate(JsonObject lease, List<FieldError> errors, List<string> unknownFields)
    {
        unknownFields.AddRange(lease.Select(p => p.Key).Where(k => !TopLevelFields.Contains(k)));
        if (lease["spec"] is not { } specNode)
        {
            return;
        }
        if (specNode is not JsonObject spec)
        {
            throw CannotDecode($"json: cannot unmarshal {JsonKind(specNode)} into Go struct field Lease.spec of type v1.LeaseSpec");
        }
        foreach (var (field, value) in spec.ToList())
        {
            if (StringFields.Contains(field))
            {
                RequireKind(field, value, JsonValueKind.String, "string");
            }
            else if (Int32Fields.Contains(field))
            {
                RequireInt32(field, value);
            }
            else if (MicroTimeFields.Contains(field))
            {
                spec[field] = NormalisedMicroTime(field, value);
            }
            else
            {
                unknownFields.Add($"spec.{field}");
            }
        }
        if (spec.LongAtField("leaseDurationSeconds") is <= 0 and var duration)
        {
            errors.Add(new FieldError("FieldValueInvalid", "spec.leaseDurationSeconds", $"Invalid value: {duration}: must be greater than 0"));
        }
        if (spec.LongAtField("leaseTransitions") is < 0 and var transitions)
        {
            errors.Add(new FieldError("FieldValueInvalid", "spec.leaseTransitions", $"Invalid value: {transitions}: must be greater than or equal to 0"));
        }
        if (spec["preferredHolder"] is JsonValue { } preferred && preferred.GetValue<string>().Length > 0 && spec["strategy"] is null)
        {
            errors.Add(new FieldError("FieldValueForbidden", "spec.preferredHolder", "Forbidden: may only be specified if `strategy` is defined"));
        }
    }

    private static long? LongAtField(this JsonObject spec, string field) =>
        spec[field] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static void RequireKind(string field, JsonNode? value, JsonValueKind kind, string goType)
    {
        if (value is not null && value.GetValueKind() != kind)
        {
            throw CannotDecode($"json: cannot unmarshal {JsonKind(value)} into Go struct field LeaseSpec.spec.{field} of type {goType}");
        }
    }

    private static void RequireInt32(string field, JsonNode? value)
    {
        RequireKind(field, value, JsonValueKind.Number, "int32");
        if (value is JsonValue number && !number.TryGetValue<int>(out _))
        {
            throw CannotDecode($"json: cannot unmarshal number {number.ToJsonString()} into Go struct field LeaseSpec.spec.{field} of type int32");
        }
    }

    private static JsonNode? NormalisedMicroTime(string field, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }
        RequireKind(field, value, JsonValueKind.String, "v1.MicroTime");
        var text = value.GetValue<string>();
        if (!MicroTime().IsMatch(text)
            || !DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.ffffffK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw CannotDecode($"parsing time \"{text}\" as \"{MicroTimeLayout}\": cannot parse \"{text}\" as a MicroTime");
        }
        return KubernetesTime.FormatMicro(time);
    }

    private static ApiException CannotDecode(string detail) =>
        ApiException.BadRequest($"Lease in version \"v1\" cannot be handled as a Lease: {detail}");

    private static string JsonKind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    // Exactly six fractional digits: Go's time.Parse requires as many digits as the layout's ".000000".
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex MicroTime();
}
