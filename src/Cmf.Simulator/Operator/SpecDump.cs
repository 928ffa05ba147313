using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// A FlinkDeployment spec as FKO holds it in memory and writes it into <c>lastReconciledSpec</c>: Jackson's dump of
/// FlinkDeploymentSpec (api/utils/SpecUtils.writeSpecWithMeta with a plain ObjectMapper): fields in declaration order,
/// superclass first, nulls written, Java defaults filled in (<c>parallelism: 0</c>, <c>args: []</c>,
/// <c>state: running</c>, <c>upgradeMode: stateless</c>, JobManager <c>replicas: 1</c>, <c>cpu</c> as a double).
/// The simulator works on this shape throughout, as the operator works on its Java objects.
/// </summary>
internal static class SpecDump
{
    /// <summary>The dump of a spec as the API server serves it; <paramref name="release"/> 1.9 keeps flinkConfiguration a string map.</summary>
    public static JsonObject Of(JsonObject spec, OperatorRelease release = OperatorRelease.V1_15) => new()
    {
        // AbstractFlinkSpec (api/spec/AbstractFlinkSpec.java): job, restartNonce, flinkConfiguration.
        ["job"] = spec["job"] is JsonObject job ? Job(job) : null,
        ["restartNonce"] = Copy(spec["restartNonce"]),
        ["flinkConfiguration"] = Configuration(spec["flinkConfiguration"] as JsonObject, release),
        // FlinkDeploymentSpec (api/spec/FlinkDeploymentSpec.java).
        ["image"] = Copy(spec["image"]),
        ["imagePullPolicy"] = Copy(spec["imagePullPolicy"]),
        ["serviceAccount"] = Copy(spec["serviceAccount"]),
        ["flinkVersion"] = Copy(spec["flinkVersion"]),
        ["ingress"] = Copy(spec["ingress"]),
        ["podTemplate"] = Copy(spec["podTemplate"]),
        ["jobManager"] = spec["jobManager"] is JsonObject jobManager ? Component(jobManager, defaultReplicas: 1) : null,
        ["taskManager"] = spec["taskManager"] is JsonObject taskManager ? Component(taskManager, defaultReplicas: null) : null,
        ["logConfiguration"] = Copy(spec["logConfiguration"]),
        ["mode"] = Copy(spec["mode"]),
    };

    // api/spec/JobSpec.java L47-108, in declaration order.
    private static JsonObject Job(JsonObject job) => new()
    {
        ["jarURI"] = Copy(job["jarURI"]),
        ["parallelism"] = Copy(job["parallelism"]) ?? 0,
        ["entryClass"] = Copy(job["entryClass"]),
        ["args"] = Copy(job["args"]) ?? new JsonArray(),
        ["state"] = Copy(job["state"]) ?? JobSpecValues.Running,
        ["savepointTriggerNonce"] = Copy(job["savepointTriggerNonce"]),
        ["initialSavepointPath"] = Copy(job["initialSavepointPath"]),
        ["checkpointTriggerNonce"] = Copy(job["checkpointTriggerNonce"]),
        ["upgradeMode"] = Copy(job["upgradeMode"]) ?? JobSpecValues.Stateless,
        ["allowNonRestoredState"] = Copy(job["allowNonRestoredState"]),
        ["savepointRedeployNonce"] = Copy(job["savepointRedeployNonce"]),
        ["autoscalerResetNonce"] = Copy(job["autoscalerResetNonce"]),
    };

    // JobManagerSpec / TaskManagerSpec: resource, resources (at 6e9caeb), replicas, podTemplate.
    private static JsonObject Component(JsonObject component, int? defaultReplicas) => new()
    {
        ["resource"] = component["resource"] is JsonObject resource ? Resource(resource) : null,
        ["resources"] = Copy(component["resources"]),
        ["replicas"] = Copy(component["replicas"]) ?? (defaultReplicas is { } replicas ? JsonValue.Create(replicas) : null),
        ["podTemplate"] = Copy(component["podTemplate"]),
    };

    // api/spec/Resource.java: cpu is a Double, so Jackson writes 1 as 1.0.
    private static JsonObject Resource(JsonObject resource) => new()
    {
        ["cpu"] = resource["cpu"] is JsonValue cpu && double.TryParse(cpu.AsText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var cores)
            ? JsonNode.Parse(JavaDouble(cores))
            : null,
        ["memory"] = Copy(resource["memory"]),
        ["ephemeralStorage"] = Copy(resource["ephemeralStorage"]),
    };

    /// <summary>Since 1.13 the configuration is free-form YAML kept as received; before, a map of strings (FLINK-37406).</summary>
    private static JsonObject Configuration(JsonObject? configuration, OperatorRelease release)
    {
        if (configuration is null)
        {
            return [];
        }
        if (release != OperatorRelease.V1_9)
        {
            return configuration.DeepClone().AsObject();
        }
        var flat = new JsonObject();
        foreach (var (key, value) in FlinkConfiguration.Flatten(configuration))
        {
            flat[key] = value;
        }
        return flat;
    }

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    // Double.toString: 1.0, 0.5, 2.5.
    private static string JavaDouble(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e7 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
