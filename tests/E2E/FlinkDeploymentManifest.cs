using System.Text.Json.Nodes;

namespace Cmf.E2ETests;

/// <summary>
/// A FlinkDeployment as an operator would write it for <c>kubectl apply</c>: a stateful streaming job with savepoint
/// upgrades, shaped after the operator's basic-checkpoint-ha example.
/// </summary>
public sealed record FlinkDeploymentManifest(string Namespace, string Name)
{
    /// <summary>Every stop-with-savepoint fails while the FlinkDeployment carries this annotation (a simulator knob).</summary>
    public const string SavepointFailsAnnotation = "simulator.cmf.dev/savepoint-fails";

    public int Parallelism { get; init; } = 2;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> FlinkConfiguration { get; init; } = new Dictionary<string, string>();

    public string ToJson()
    {
        var configuration = new JsonObject
        {
            ["taskmanager.numberOfTaskSlots"] = "2",
            ["state.savepoints.dir"] = $"file:///flink-data/savepoints/{Name}",
            ["state.checkpoints.dir"] = $"file:///flink-data/checkpoints/{Name}",
        };
        foreach (var (key, value) in FlinkConfiguration)
        {
            configuration[key] = value;
        }
        var metadata = new JsonObject { ["name"] = Name, ["namespace"] = Namespace };
        if (Annotations.Count > 0)
        {
            metadata["annotations"] = new JsonObject([.. Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }
        return new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["image"] = "flink:1.20.1",
                ["flinkVersion"] = "v1_20",
                ["flinkConfiguration"] = configuration,
                ["serviceAccount"] = "flink",
                ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
                ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
                ["job"] = new JsonObject
                {
                    ["jarURI"] = "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                    ["parallelism"] = Parallelism,
                    ["upgradeMode"] = "savepoint",
                    ["state"] = "running",
                },
            },
        }.ToJsonString();
    }

    /// <summary>A merge patch that changes only the job's parallelism: a new generation, so a new instance.</summary>
    public static string ParallelismPatch(int parallelism) =>
        new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = parallelism } } }.ToJsonString();
}
