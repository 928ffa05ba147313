using System.Text.Json.Nodes;

namespace Cmf.Bench;

/// <summary>FlinkDeployments shaped after the operator's basic and basic-checkpoint-ha examples, for every part that creates them.</summary>
internal static class FlinkDeploymentSpec
{
    public static JsonObject Create(string name, bool stateful, int parallelism)
    {
        var configuration = new JsonObject { ["taskmanager.numberOfTaskSlots"] = "2" };
        if (stateful)
        {
            configuration["state.savepoints.dir"] = $"file:///flink-data/savepoints/{name}";
            configuration["state.checkpoints.dir"] = $"file:///flink-data/checkpoints/{name}";
            configuration["high-availability.type"] = "kubernetes";
            configuration["high-availability.storageDir"] = $"file:///flink-data/ha/{name}";
            configuration["execution.checkpointing.interval"] = "60s";
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["team"] = "bench" } },
            ["spec"] = new JsonObject
            {
                ["image"] = "flink:1.20",
                ["flinkVersion"] = "v1_20",
                ["flinkConfiguration"] = configuration,
                ["serviceAccount"] = "flink",
                ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
                ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
                ["job"] = new JsonObject
                {
                    ["jarURI"] = "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                    ["parallelism"] = parallelism,
                    ["upgradeMode"] = stateful ? "savepoint" : "stateless",
                    ["state"] = "running",
                },
            },
        };
    }
}
