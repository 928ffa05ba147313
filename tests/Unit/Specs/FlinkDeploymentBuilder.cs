using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

/// <summary>
/// Builds a FlinkDeployment as the API server sends it (new operator shape, metadata filled in), changed
/// one field at a time. Paths are dotted (<c>spec.job.parallelism</c>); use the segment overloads for
/// keys that contain dots or slashes.
/// </summary>
internal sealed class FlinkDeploymentBuilder
{
    public const string Uid = "6f1c2b3a-1111-4222-8333-444455556666";

    private readonly JsonObject _resource = new()
    {
        ["apiVersion"] = "flink.apache.org/v1beta1",
        ["kind"] = "FlinkDeployment",
        ["metadata"] = new JsonObject
        {
            ["name"] = "orders",
            ["namespace"] = "team-a",
            ["uid"] = Uid,
            ["resourceVersion"] = "1001",
            ["generation"] = 1,
            ["creationTimestamp"] = "2025-03-01T10:00:00Z",
        },
        ["spec"] = new JsonObject
        {
            ["image"] = "flink:2.2",
            ["flinkVersion"] = "v2_2",
            ["serviceAccount"] = "flink",
            ["flinkConfiguration"] = new JsonObject { ["taskmanager.numberOfTaskSlots"] = 2 },
            ["jobManager"] = Resources("2048m", "1"),
            ["taskManager"] = Resources("2048m", "1"),
            ["job"] = new JsonObject
            {
                ["jarURI"] = "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                ["parallelism"] = 2,
                ["upgradeMode"] = "savepoint",
                ["state"] = "running",
            },
        },
    };

    public static FlinkDeploymentBuilder New() => new();

    public FlinkDeploymentBuilder Set(string path, JsonNode? value) => Set(path.Split('.'), value);

    public FlinkDeploymentBuilder Set(string[] segments, JsonNode? value)
    {
        Parent(segments)[segments[^1]] = value;
        return this;
    }

    public FlinkDeploymentBuilder Remove(string path)
    {
        var segments = path.Split('.');
        Parent(segments).Remove(segments[^1]);
        return this;
    }

    public FlinkDeploymentBuilder WithFlinkConfiguration(string key, JsonNode? value) =>
        Set(["spec", "flinkConfiguration", key], value);

    public FlinkDeploymentBuilder WithPodAnnotation(string key, string value) =>
        Set(["spec", "podTemplate", "metadata", "annotations", key], value);

    public FlinkDeploymentBuilder WithLastStableSpec(JsonObject spec, long? generation)
    {
        var metadata = new JsonObject { ["apiVersion"] = "flink.apache.org/v1beta1", ["firstDeployment"] = false };
        if (generation is not null)
        {
            metadata["metadata"] = new JsonObject { ["generation"] = generation };
        }
        var document = new JsonObject { ["spec"] = spec.DeepClone(), ["resource_metadata"] = metadata };
        return Set("status.reconciliationStatus.lastStableSpec", document.ToJsonString());
    }

    public JsonObject Build() => (JsonObject)_resource.DeepClone();

    public JsonObject BuildSpec() => (JsonObject)Build()["spec"]!.DeepClone();

    public FlinkDeploymentResource Read()
    {
        var result = FlinkDeploymentReader.Read(Build());
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }

    private JsonObject Parent(string[] segments)
    {
        var node = _resource;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }
            node = child;
        }
        return node;
    }

    private static JsonObject Resources(string memory, string cpu) => new()
    {
        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = memory, ["cpu"] = cpu } },
    };
}
