using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Scenarios;

/// <summary>The kinds of spec edits people make, as merge patches for the demo to apply.</summary>
internal static class DemoChanges
{
    public static void SetInstanceAnnotation(JsonObject spec, string instance) =>
        spec.GetOrAddObject("podTemplate").GetOrAddObject("metadata").GetOrAddObject("annotations")[SimulatorMetadataKeys.InstanceAnnotation] = instance;

    public static JsonObject Parallelism(int parallelism) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism } } };

    public static JsonObject ParallelismAndUpgradeMode(int parallelism, string upgradeMode) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism, ["upgradeMode"] = upgradeMode } } };

    public static JsonObject UpgradeMode(string upgradeMode) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["upgradeMode"] = upgradeMode } } };

    public static JsonObject JobState(string state) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = state } } };

    public static JsonObject Configuration(string key, string value) =>
        new() { ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { [key] = value } } };

    public static JsonObject Image(string image) => new() { ["spec"] = new JsonObject { ["image"] = image } };

    public static JsonObject Arguments(params string[] args) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]) } } };

    public static JsonObject Annotation(string key, string? value) =>
        new() { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } } };

    /// <summary>An everyday tuning change: parallelism, checkpoint interval or TaskManager memory.</summary>
    public static JsonObject RandomTuning(JsonObject spec, SimulatorRandom random)
    {
        switch (random.Next(0, 3))
        {
            case 0:
                var parallelism = (int)(spec.LongAt("job", "parallelism") ?? 1);
                var next = parallelism <= 1 ? 2 : parallelism >= 12 ? parallelism - 1 : parallelism + (random.Next(0, 2) == 0 ? -1 : 1);
                return Parallelism(next);
            case 1:
                var interval = random.Pick(["30s", "60s", "120s", "5 min"]);
                return new JsonObject { ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["execution.checkpointing.interval"] = interval } } };
            default:
                var memory = random.Pick(["2048m", "3072m", "4096m", "6144m"]);
                return spec.ObjectAt("taskManager", "resource") is not null
                    ? new JsonObject { ["spec"] = new JsonObject { ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = memory } } } }
                    : new JsonObject { ["spec"] = new JsonObject { ["taskManager"] = new JsonObject { ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = memory } } } } };
        }
    }
}
