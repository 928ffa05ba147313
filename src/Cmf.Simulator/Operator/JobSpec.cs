using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>Reads and adjusts spec.job with the operator's defaults (state running, upgrade mode stateless, parallelism 1).</summary>
internal static class JobSpec
{
    public static string StateOf(JsonObject spec) => spec.StringAt("job", "state") ?? JobSpecValues.Running;

    public static string UpgradeModeOf(JsonObject spec) => spec.StringAt("job", "upgradeMode") ?? JobSpecValues.Stateless;

    public static int ParallelismOf(JsonObject spec) => (int)Math.Max(1, spec.LongAt("job", "parallelism") ?? 1);

    public static JsonObject With(JsonObject spec, string? state = null, string? upgradeMode = null)
    {
        var copy = spec.DeepClone().AsObject();
        var job = copy.GetOrAddObject("job");
        if (state is not null)
        {
            job["state"] = state;
        }
        if (upgradeMode is not null)
        {
            job["upgradeMode"] = upgradeMode;
        }
        return copy;
    }

    /// <summary>Changes the upgrade mode of a spec in place, as the operator changes its in-memory spec.</summary>
    public static void SetUpgradeMode(JsonObject spec, string upgradeMode) => spec.GetOrAddObject("job")["upgradeMode"] = upgradeMode;

    /// <summary>Native mode starts enough TaskManagers for the parallelism, unless the spec fixes the replicas.</summary>
    public static int TaskManagerCount(JsonObject spec)
    {
        if (spec.LongAt("taskManager", "replicas") is { } replicas and > 0)
        {
            return (int)replicas;
        }
        var slots = FlinkConfiguration.GetTaskSlots(spec);
        return (ParallelismOf(spec) + slots - 1) / slots;
    }
}
