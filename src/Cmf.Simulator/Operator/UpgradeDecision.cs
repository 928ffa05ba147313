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
/// What the operator decides a spec change calls for (its DiffType: ignore, scale, upgrade, savepoint redeploy), from
/// its spec diff (reconciler/diff/ReflectiveDiffBuilder): each changed field is classified by its
/// <c>@SpecDiff</c> annotation (JobSpec, TaskManagerSpec, AbstractFlinkSpec), flinkConfiguration key by key by prefix;
/// everything else is an UPGRADE. <see cref="Describe"/> is the text of the SpecChanged event (DiffResult.toString).
/// Both sides are <see cref="SpecDump"/>s, as the operator compares Java objects with defaults filled in.
/// </summary>
internal sealed record UpgradeDecision(DiffType Type, IReadOnlyList<string> Rows)
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

    public static UpgradeDecision Between(JsonObject before, JsonObject after)
    {
        var standalone = after.StringAt("mode") == "standalone";
        var rows = new List<string>();
        var type = DiffType.Ignore;
        void Changed(DiffType change, IEnumerable<string> changedRows)
        {
            type = change > type ? change : type;
            rows.AddRange(changedRows);
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
                            Changed(JobFieldType(name, standalone), PatchRows($"job.{name}", jobA[name], jobB[name]));
                        }
                    }
                    break;
                case "taskManager" when a is JsonObject tmA && b is JsonObject tmB:
                    foreach (var name in tmB.Select(p => p.Key))
                    {
                        if (!JsonEquivalence.AreEquivalent(tmA[name], tmB[name]))
                        {
                            Changed(name == "replicas" && standalone ? DiffType.Scale : DiffType.Upgrade, PatchRows($"taskManager.{name}", tmA[name], tmB[name]));
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
                        Changed(DiffType.Upgrade, PatchRows(field, a, b));
                    }
                    break;
            }
        }
        return new UpgradeDecision(type, rows);
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
    private static void CompareConfiguration(JsonObject? before, JsonObject? after, bool standalone, Action<DiffType, IEnumerable<string>> changed)
    {
        var a = FlinkConfiguration.Flatten(before).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var b = FlinkConfiguration.Flatten(after).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        // The keys of both HashMaps go into a HashSet (configDiff L155-174), so the rows come in the JVM's hash order.
        var leftKeys = JavaHashing.HashSetOrder([.. a.Keys]);
        var keys = JavaHashing.HashSetOrder([.. leftKeys, .. JavaHashing.HashSetOrder([.. b.Keys]).Where(k => !a.ContainsKey(k))]);
        foreach (var key in keys)
        {
            var (old, now) = (a.GetValueOrDefault(key), b.GetValueOrDefault(key));
            if (old == now)
            {
                continue;
            }
            var type = IgnoredConfigurationPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)) ? DiffType.Ignore
                : key.StartsWith(FlinkConfiguration.ParallelismOverrides, StringComparison.Ordinal) && !standalone ? DiffType.Scale
                : DiffType.Upgrade;
            changed(type, [$"flinkConfiguration.{key} : {old ?? "null"} -> {now ?? "null"}"]);
        }
    }

    /// <summary>
    /// DiffResult.toString (L61-130): the two values as JSON trees, one row per operation of their JSON Patch
    /// (zjsonpatch JsonDiff: removed then changed keys in the old order, added keys after, arrays index by index), each
    /// as "field.path : old -> new" with the old value "{..}" for a removed object.
    /// </summary>
    private static IEnumerable<string> PatchRows(string field, JsonNode? before, JsonNode? after)
    {
        foreach (var path in PatchPaths(null, before, after).Select(JsonPath.Segments))
        {
            var (old, now) = (At(before, path), At(after, path));
            var suffix = string.Concat(path.Select(p => "." + p));
            var oldText = IsNull(now) && old is not null && (old is not JsonValue || ((JsonValue)old).AsText() == "") ? "{..}" : Text(old);
            yield return $"{field}{suffix} : {oldText} -> {Text(now)}";
        }
    }

    // Walks both trees once (no equality test per level: specs may nest 10,000 levels deep).
    private static IEnumerable<JsonPath?> PatchPaths(JsonPath? path, JsonNode? before, JsonNode? after)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var (key, value) in a)
            {
                var child = new JsonPath(key, path);
                if (!b.ContainsKey(key))
                {
                    yield return child;
                    continue;
                }
                foreach (var nested in PatchPaths(child, value, b[key]))
                {
                    yield return nested;
                }
            }
            foreach (var key in b.Select(p => p.Key).Where(k => !a.ContainsKey(k)))
            {
                yield return new JsonPath(key, path);
            }
            yield break;
        }
        if (before is JsonArray x && after is JsonArray y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                var child = new JsonPath(i.ToString(System.Globalization.CultureInfo.InvariantCulture), path);
                if (i >= x.Count || i >= y.Count)
                {
                    yield return child;
                }
                else
                {
                    foreach (var nested in PatchPaths(child, x[i], y[i]))
                    {
                        yield return nested;
                    }
                }
            }
            yield break;
        }
        if (!JsonEquivalence.AreEquivalent(before, after))
        {
            yield return path;
        }
    }

    /// <summary>A path as a chain to its parent, so a walk down 10,000 levels does not copy it at every level.</summary>
    private sealed class JsonPath(string segment, JsonPath? parent)
    {
        public string Segment { get; } = segment;

        public JsonPath? Parent { get; } = parent;

        public static List<string> Segments(JsonPath? path)
        {
            var segments = new List<string>();
            for (var at = path; at is not null; at = at.Parent)
            {
                segments.Add(at.Segment);
            }
            segments.Reverse();
            return segments;
        }
    }

    private static JsonNode? At(JsonNode? root, List<string> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }
        return node;
    }

    // getText: null for a missing or null node, else asText(), or toString() when that is empty (objects and arrays).
    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.AsText() is null => "null",
        JsonValue value when value.AsText()!.Length == 0 => ApiServerJson.Serialize(node),
        JsonValue value => value.AsText()!,
        _ => ApiServerJson.Serialize(node),
    };

    private static bool IsNull(JsonNode? node) => node is null || (node is JsonValue value && value.AsText() is null);

    /// <summary>The deployment mode of a spec: <c>mode</c>, native when absent (KubernetesDeploymentMode.getDeploymentMode).</summary>
    public static bool IsNative(JsonObject spec) => (spec.StringAt("mode") ?? Native) == Native;
}
