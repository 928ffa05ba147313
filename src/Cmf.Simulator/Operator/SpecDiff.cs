using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>FKO's DiffType (api/diff/DiffType.java), ordered: a diff takes the strongest of its changes.</summary>
internal enum DiffType
{
    Ignore,
    Scale,
    Upgrade,
    SavepointRedeploy,
}

/// <summary>
/// The operator's spec diff (reconciler/diff/ReflectiveDiffBuilder): each changed field is classified by its
/// <c>@SpecDiff</c> annotation (JobSpec, TaskManagerSpec, AbstractFlinkSpec), flinkConfiguration key by key by prefix;
/// everything else is an UPGRADE. <see cref="Describe"/> is the text of the SpecChanged event (DiffResult.toString).
/// Both sides are <see cref="SpecDump"/>s, as the operator compares Java objects with defaults filled in.
/// </summary>
internal sealed record SpecDiff(DiffType Type, IReadOnlyList<string> Rows)
{
    private const string Native = "native";

    // JobSpec: @SpecDiff(IGNORE) fields, the SCALE field in standalone mode, and the SAVEPOINT_REDEPLOY nonce.
    private static readonly HashSet<string> IgnoredJobFields =
        ["savepointTriggerNonce", "initialSavepointPath", "checkpointTriggerNonce", "upgradeMode", "allowNonRestoredState", "autoscalerResetNonce"];

    // AbstractFlinkSpec.flinkConfiguration: @SpecDiff.Config prefixes.
    private static readonly string[] IgnoredConfigurationPrefixes = ["job.autoscaler", "parallelism.default", "kubernetes.operator"];

    // FieldUtils.getAllFields: the subclass's fields first, then AbstractFlinkSpec's.
    private static readonly string[] FieldOrder =
        ["image", "imagePullPolicy", "serviceAccount", "flinkVersion", "ingress", "podTemplate", "jobManager", "taskManager",
         "logConfiguration", "mode", "job", "restartNonce", "flinkConfiguration"];

    public static SpecDiff Between(JsonObject before, JsonObject after)
    {
        var standalone = after.StringAt("mode") == "standalone";
        var rows = new List<string>();
        var type = DiffType.Ignore;
        void Changed(DiffType change, string row)
        {
            type = change > type ? change : type;
            rows.Add(row);
        }

        foreach (var field in FieldOrder)
        {
            var (a, b) = (before[field], after[field]);
            switch (field)
            {
                case "job" when a is JsonObject jobA && b is JsonObject jobB:
                    foreach (var name in jobB.Select(p => p.Key))
                    {
                        if (!JsonEquivalence.AreEquivalent(jobA[name], jobB[name]))
                        {
                            if (name == "savepointRedeployNonce" && IsNull(jobB[name]))
                            {
                                continue;
                            }
                            Changed(JobFieldType(name, standalone), Row($"job.{name}", jobA[name], jobB[name]));
                        }
                    }
                    break;
                case "taskManager" when a is JsonObject tmA && b is JsonObject tmB:
                    foreach (var name in tmB.Select(p => p.Key))
                    {
                        if (!JsonEquivalence.AreEquivalent(tmA[name], tmB[name]))
                        {
                            Changed(name == "replicas" && standalone ? DiffType.Scale : DiffType.Upgrade, Row($"taskManager.{name}", tmA[name], tmB[name]));
                        }
                    }
                    break;
                case "flinkConfiguration":
                    CompareConfiguration(a as JsonObject, b as JsonObject, standalone, Changed);
                    break;
                case "restartNonce" when IsNull(b):
                    break;
                default:
                    if (!JsonEquivalence.AreEquivalent(a, b))
                    {
                        Changed(DiffType.Upgrade, Row(field, a, b));
                    }
                    break;
            }
        }
        return new SpecDiff(type, rows);
    }

    /// <summary>"Diff: FlinkDeploymentSpec[job.parallelism : 2 -> 4, image : flink:1.19 -> flink:1.20]".</summary>
    public string Describe() => $"Diff: FlinkDeploymentSpec[{string.Join(", ", Rows)}]";

    /// <summary>The diff type as the SpecChanged message names it: IGNORE, SCALE, UPGRADE, SAVEPOINT_REDEPLOY.</summary>
    public string TypeName => Type switch
    {
        DiffType.Ignore => "IGNORE",
        DiffType.Scale => "SCALE",
        DiffType.SavepointRedeploy => "SAVEPOINT_REDEPLOY",
        _ => "UPGRADE",
    };

    private static DiffType JobFieldType(string field, bool standalone) => field switch
    {
        _ when IgnoredJobFields.Contains(field) => DiffType.Ignore,
        "parallelism" => standalone ? DiffType.Scale : DiffType.Upgrade,
        "savepointRedeployNonce" => DiffType.SavepointRedeploy,
        _ => DiffType.Upgrade,
    };

    // ReflectiveDiffBuilder.configDiff: flattened keys compared as text, so 2 and "2" are no change.
    private static void CompareConfiguration(JsonObject? before, JsonObject? after, bool standalone, Action<DiffType, string> changed)
    {
        var a = FlinkConfiguration.Flatten(before).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var b = FlinkConfiguration.Flatten(after).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var (old, now) = (a.GetValueOrDefault(key), b.GetValueOrDefault(key));
            if (old == now)
            {
                continue;
            }
            var type = IgnoredConfigurationPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)) ? DiffType.Ignore
                : key.StartsWith(FlinkConfiguration.ParallelismOverrides, StringComparison.Ordinal) && !standalone ? DiffType.Scale
                : DiffType.Upgrade;
            changed(type, $"flinkConfiguration.{key} : {old ?? "null"} -> {now ?? "null"}");
        }
    }

    private static string Row(string path, JsonNode? before, JsonNode? after) =>
        before is JsonObject && IsNull(after) ? $"{path} : {{..}} -> null" : $"{path} : {Show(before)} -> {Show(after)}";

    // node.asText(), or toString() for objects and arrays whose text is empty.
    private static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value => value.AsText() ?? "null",
        _ => ApiServerJson.Serialize(node),
    };

    private static bool IsNull(JsonNode? node) => node is null || (node is JsonValue value && value.AsText() is null);

    /// <summary>The deployment mode of a spec: <c>mode</c>, native when absent (KubernetesDeploymentMode.getDeploymentMode).</summary>
    public static bool IsNative(JsonObject spec) => (spec.StringAt("mode") ?? Native) == Native;
}
