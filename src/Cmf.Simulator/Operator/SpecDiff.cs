using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Whether a spec change needs an upgrade, as the operator's diff decides it: the job fields marked
/// IGNORE (upgradeMode, the snapshot nonces, initialSavepointPath, allowNonRestoredState,
/// autoscalerResetNonce) never trigger one, and a missing job.state means running.
/// </summary>
internal static class SpecDiff
{
    private static readonly string[] IgnoredJobFields =
        ["upgradeMode", "savepointTriggerNonce", "checkpointTriggerNonce", "initialSavepointPath", "allowNonRestoredState", "autoscalerResetNonce"];

    public static bool NeedsUpgrade(JsonObject lastReconciled, JsonObject current) =>
        !JsonEquivalence.AreEquivalent(Comparable(lastReconciled), Comparable(current));

    /// <summary>Exact equality but for the job state default, as FlinkDeploymentSpec.equals sees it.</summary>
    public static bool AreSame(JsonObject a, JsonObject b) =>
        JsonEquivalence.AreEquivalent(JobSpec.With(a, state: JobSpec.StateOf(a)), JobSpec.With(b, state: JobSpec.StateOf(b)));

    /// <summary>"FlinkDeploymentSpec[job.parallelism : 2 -> 3, image : flink:1.19 -> flink:1.20]", as in the SpecChanged event.</summary>
    public static string Describe(JsonObject before, JsonObject after)
    {
        var changes = new List<string>();
        Collect(Comparable(before), Comparable(after), "", changes);
        var shown = changes.Take(5).ToList();
        if (changes.Count > shown.Count)
        {
            shown.Add("...");
        }
        return $"Diff: FlinkDeploymentSpec[{string.Join(", ", shown)}]";
    }

    private static JsonObject Comparable(JsonObject spec)
    {
        var copy = JobSpec.With(spec, state: JobSpec.StateOf(spec));
        var job = copy.GetOrAddObject("job");
        foreach (var field in IgnoredJobFields)
        {
            job.Remove(field);
        }
        return copy;
    }

    private static void Collect(JsonNode? before, JsonNode? after, string path, List<string> changes)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Collect(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}", changes);
            }
            return;
        }
        if (!JsonEquivalence.AreEquivalent(before, after))
        {
            changes.Add($"{path} : {Show(before)} -> {Show(after)}");
        }
    }

    private static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value => value.AsText() ?? "null",
        _ => "{..}",
    };
}
