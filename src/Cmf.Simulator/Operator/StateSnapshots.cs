using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>FlinkStateSnapshotStatus.State (api/status/FlinkStateSnapshotStatus.java).</summary>
internal static class OperatorSnapshotStates
{
    public const string TriggerPending = "TRIGGER_PENDING";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Abandoned = "ABANDONED";
}

/// <summary>SnapshotTriggerType (api/status/SnapshotTriggerType.java).</summary>
internal static class SnapshotTriggerType
{
    public const string Manual = "MANUAL";
    public const string Periodic = "PERIODIC";
    public const string Upgrade = "UPGRADE";
}

/// <summary>
/// FlinkStateSnapshot resources as FKO's FlinkStateSnapshotUtils writes them (utils/FlinkStateSnapshotUtils.java at
/// 6e9caeb): the name, the labels, the spec of an operator-made savepoint, and whether the operator makes them at all.
/// </summary>
internal static class StateSnapshots
{
    public const string Kind = "FlinkStateSnapshot";
    public const string ApiVersion = ResourceTypes.FlinkGroup + "/" + ResourceTypes.FlinkVersion;

    /// <summary>JOSDK's default finalizer of the FlinkStateSnapshot controller (a Cleaner): plural.group/finalizer.</summary>
    public const string Finalizer = "flinkstatesnapshots.flink.apache.org/finalizer";

    // CrdConstants L34-38.
    public const string LabelType = "snapshot.type";
    public const string LabelTriggerType = "snapshot.trigger-type";
    public const string LabelState = "snapshot.state";
    public const string LabelJobReferenceKind = "job-reference.kind";
    public const string LabelJobReferenceName = "job-reference.name";

    // KubernetesOperatorConfigOptions: dynamic options, so a FlinkDeployment's flinkConfiguration may set them.
    public const string ResourceEnabled = "kubernetes.operator.snapshot.resource.enabled";
    public const string DisposeOnDelete = "kubernetes.operator.savepoint.dispose-on-delete";
    public const string PeriodicSavepointInterval = "kubernetes.operator.periodic.savepoint.interval";
    public const string FormatType = "kubernetes.operator.savepoint.format.type";
    public const string HistoryMaxCount = "kubernetes.operator.savepoint.history.max.count";
    public const string HistoryMaxAge = "kubernetes.operator.savepoint.history.max.age";
    public const string CleanupEnabled = "kubernetes.operator.savepoint.cleanup.enabled";

    /// <summary>
    /// isSnapshotResourceEnabled (L174-178): <c>kubernetes.operator.snapshot.resource.enabled</c> (default true) and the CRD
    /// installed. The option and the CRD came with FKO 1.10 (FLIP-446), so a 1.9 operator never makes them.
    /// </summary>
    public static bool IsEnabled(JsonObject spec, OperatorRelease release) =>
        release != OperatorRelease.V1_9 && FlinkConfiguration.GetBool(spec, ResourceEnabled, true);

    /// <summary>getFlinkStateSnapshotName (L188-198): <c>&lt;resource&gt;-savepoint-&lt;trigger type&gt;-&lt;epoch ms&gt;</c>.</summary>
    public static string Name(string flinkDeploymentName, string triggerType, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{flinkDeploymentName}-savepoint-{triggerType.ToLowerInvariant()}-{now.ToUnixTimeMilliseconds()}");

    /// <summary>
    /// createSavepointResource (L108-136) and createFlinkStateSnapshot (L62-78): only the trigger-type label, no owner
    /// references and no status. FlinkStateSnapshotSpec is built with Lombok's builder, which ignores the field's
    /// initializer, so backoffLimit is 0 (no retry), not the -1 a user's resource gets by default.
    /// </summary>
    public static JsonObject NewSavepoint(JsonObject flinkDeployment, string? path, string triggerType, string formatType, bool disposeOnDelete, DateTimeOffset now)
    {
        var metadata = flinkDeployment.Metadata();
        var name = metadata.StringAt("name")!;
        var savepoint = new JsonObject();
        if (path is not null)
        {
            savepoint["path"] = path;
        }
        savepoint["formatType"] = formatType;
        savepoint["disposeOnDelete"] = disposeOnDelete;
        savepoint["alreadyExists"] = triggerType == SnapshotTriggerType.Upgrade;
        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = Name(name, triggerType, now),
                ["namespace"] = metadata.StringAt("namespace"),
                ["labels"] = new JsonObject { [LabelTriggerType] = triggerType },
            },
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = "FlinkDeployment", ["name"] = name },
                ["savepoint"] = savepoint,
                ["backoffLimit"] = 0,
            },
        };
    }

    /// <summary>getSnapshotLabels (L377-412): type, trigger type (MANUAL when none), state, and the job reference when it exists.</summary>
    public static Dictionary<string, string> Labels(JsonObject snapshot, string state, JsonObject? referencedFlinkDeployment)
    {
        var labels = new Dictionary<string, string>
        {
            [LabelType] = snapshot.NodeAt("spec", "savepoint") is not null ? "SAVEPOINT" : "CHECKPOINT",
            [LabelTriggerType] = snapshot.StringAt("metadata", "labels", LabelTriggerType) ?? SnapshotTriggerType.Manual,
            [LabelState] = state,
        };
        if (referencedFlinkDeployment is not null)
        {
            labels[LabelJobReferenceKind] = "FlinkDeployment";
            labels[LabelJobReferenceName] = referencedFlinkDeployment.StringAt("metadata", "name")!;
        }
        return labels;
    }

    /// <summary>The FlinkDeployment a snapshot refers to (getSnapshotJobReferenceResourceId: the snapshot's namespace).</summary>
    public static ObjectKey? JobReference(JsonObject snapshot) =>
        snapshot.StringAt("spec", "jobReference", "kind") == "FlinkDeployment" && snapshot.StringAt("spec", "jobReference", "name") is { } name
            ? new ObjectKey(snapshot.StringAt("metadata", "namespace") ?? "", name)
            : null;

    /// <summary>The savepoint format of operator-made savepoints (kubernetes.operator.savepoint.format.type, CANONICAL by default).</summary>
    public static string SavepointFormat(JsonObject spec) =>
        FlinkConfiguration.Get(spec, FormatType)?.ToUpperInvariant() == "NATIVE" ? "NATIVE" : "CANONICAL";
}
