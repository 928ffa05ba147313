using System.Text.Json.Nodes;

namespace Cmf.Simulator.Scenarios;

/// <summary>
/// Realistic FlinkDeployment specs for the demo, shaped after the operator's examples: basic
/// (stateless), basic-checkpoint-ha (savepoint upgrades with Kubernetes HA) and the newer
/// resources.requests form.
/// </summary>
internal static class FlinkSpecTemplates
{
    public static JsonObject Stateless(string image, string flinkVersion, string jar, int parallelism) => Parse($$"""
        {
          "image": "{{image}}",
          "flinkVersion": "{{flinkVersion}}",
          "flinkConfiguration": { "taskmanager.numberOfTaskSlots": "2" },
          "serviceAccount": "flink",
          "jobManager": { "resource": { "memory": "2048m", "cpu": 1 } },
          "taskManager": { "resource": { "memory": "2048m", "cpu": 1 } },
          "job": { "jarURI": "{{jar}}", "parallelism": {{parallelism}}, "upgradeMode": "stateless" }
        }
        """);

    /// <summary>Savepoint or last-state upgrades with checkpoints, savepoints and Kubernetes HA on a shared volume.</summary>
    public static JsonObject Stateful(string image, string flinkVersion, string jar, string entryClass, int parallelism, string upgradeMode, string app) => Parse($$"""
        {
          "image": "{{image}}",
          "flinkVersion": "{{flinkVersion}}",
          "flinkConfiguration": {
            "taskmanager.numberOfTaskSlots": 2,
            "state": {
              "savepoints.dir": "file:///flink-data/savepoints/{{app}}",
              "checkpoints.dir": "file:///flink-data/checkpoints/{{app}}"
            },
            "high-availability": { "type": "kubernetes", "storageDir": "file:///flink-data/ha/{{app}}" },
            "execution.checkpointing.interval": "60s",
            "kubernetes.operator.savepoint.format.type": "NATIVE"
          },
          "serviceAccount": "flink",
          "jobManager": { "resources": { "requests": { "memory": "2048m", "cpu": "1" } } },
          "taskManager": { "resources": { "requests": { "memory": "4096m", "cpu": "2" } } },
          "podTemplate": {
            "spec": {
              "containers": [ { "name": "flink-main-container", "volumeMounts": [ { "mountPath": "/flink-data", "name": "flink-volume" } ] } ],
              "volumes": [ { "name": "flink-volume", "persistentVolumeClaim": { "claimName": "flink-data" } } ]
            }
          },
          "job": {
            "jarURI": "{{jar}}",
            "entryClass": "{{entryClass}}",
            "parallelism": {{parallelism}},
            "upgradeMode": "{{upgradeMode}}",
            "state": "running",
            "savepointTriggerNonce": 0
          }
        }
        """);

    /// <summary>A bounded (batch) job: it finishes, or fails, on its own.</summary>
    public static JsonObject Batch(string image, string flinkVersion, string jar, string entryClass, int parallelism, string argument) => Parse($$"""
        {
          "image": "{{image}}",
          "flinkVersion": "{{flinkVersion}}",
          "flinkConfiguration": { "taskmanager.numberOfTaskSlots": "4", "execution.runtime-mode": "BATCH" },
          "serviceAccount": "flink",
          "jobManager": { "resource": { "memory": "1600m", "cpu": 0.5 } },
          "taskManager": { "resource": { "memory": "4096m", "cpu": 2 } },
          "job": {
            "jarURI": "{{jar}}",
            "entryClass": "{{entryClass}}",
            "args": [ "{{argument}}" ],
            "parallelism": {{parallelism}},
            "upgradeMode": "stateless"
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
