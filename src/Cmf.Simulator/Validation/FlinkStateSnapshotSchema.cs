using static Cmf.Simulator.Validation.SchemaNode;

namespace Cmf.Simulator.Validation;

/// <summary>
/// The FlinkStateSnapshot CRD's openAPIV3Schema (flink.apache.org/v1beta1,
/// ../shared/reference/flinkstatesnapshots.flink.apache.org-v1.yml) as the simulated API server enforces it: every
/// spec and status property with its type and enum.
/// </summary>
internal static class FlinkStateSnapshotSchema
{
    public static readonly IReadOnlyList<string> States = ["ABANDONED", "COMPLETED", "FAILED", "IN_PROGRESS", "TRIGGER_PENDING"];

    public static readonly IReadOnlyList<string> FormatTypes = ["CANONICAL", "NATIVE", "UNKNOWN"];

    public static readonly IReadOnlyList<string> JobKinds = ["FlinkDeployment", "FlinkSessionJob"];

    public static readonly SchemaNode Spec = Object(
        ("backoffLimit", WholeNumber),
        ("checkpoint", new SchemaNode { Type = "object", Properties = new Dictionary<string, SchemaNode>() }),
        ("jobReference", Object(("kind", OneOf([.. JobKinds])), ("name", Text))),
        ("savepoint", Object(
            ("alreadyExists", Flag),
            ("disposeOnDelete", Flag),
            ("formatType", OneOf([.. FormatTypes])),
            ("path", Text))));

    public static readonly SchemaNode Status = Object(
        ("error", Text),
        ("failures", WholeNumber),
        ("path", Text),
        ("resultTimestamp", Text),
        ("state", OneOf([.. States])),
        ("triggerId", Text),
        ("triggerTimestamp", Text));

    /// <summary>The whole object: apiVersion, kind and metadata are checked by the API server itself.</summary>
    public static readonly SchemaNode Root = Object(
        ("apiVersion", Text),
        ("kind", Text),
        ("metadata", AnyObject),
        ("spec", Spec),
        ("status", Status));
}
