using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Builds FlinkDeployments for tests, starting from the shape of the operator's basic example.</summary>
internal sealed class FlinkDeploymentBuilder(string name)
{
    private readonly JsonObject _annotations = [];
    private readonly JsonObject _podAnnotations = [];
    private readonly JsonObject _configuration = new() { ["taskmanager.numberOfTaskSlots"] = "2" };
    private string _upgradeMode = "stateless";
    private string? _state;
    private int _parallelism = 2;
    private string _image = "flink:1.20";

    public static FlinkDeploymentBuilder Named(string name) => new(name);

    public FlinkDeploymentBuilder WithUpgradeMode(string mode)
    {
        _upgradeMode = mode;
        return this;
    }

    public FlinkDeploymentBuilder WithParallelism(int parallelism)
    {
        _parallelism = parallelism;
        return this;
    }

    public FlinkDeploymentBuilder WithJobState(string state)
    {
        _state = state;
        return this;
    }

    public FlinkDeploymentBuilder WithImage(string image)
    {
        _image = image;
        return this;
    }

    public FlinkDeploymentBuilder WithAnnotation(string key, string value)
    {
        _annotations[key] = value;
        return this;
    }

    public FlinkDeploymentBuilder WithPodAnnotation(string key, string value)
    {
        _podAnnotations[key] = value;
        return this;
    }

    public FlinkDeploymentBuilder WithConfiguration(string key, string value)
    {
        _configuration[key] = value;
        return this;
    }

    /// <summary>
    /// Objects inside objects under <c>flinkConfiguration</c> (free-form since operator 1.13) until the whole FlinkDeployment
    /// nests <paramref name="depth"/> levels deep, counted as JSON parsers count (<c>{}</c> is one level): the hostile
    /// object of issue 13. The object itself, spec and flinkConfiguration are the first three levels.
    /// </summary>
    public FlinkDeploymentBuilder NestedLevelsDeep(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 4);
        JsonNode nested = new JsonObject { ["value"] = "deepest" };
        for (var level = depth - 1; level > 3; level--)
        {
            nested = new JsonObject { ["nested"] = nested };
        }
        _configuration["nested"] = nested;
        return this;
    }

    /// <summary>Kubernetes HA and savepoint/checkpoint directories, as in the operator's basic-checkpoint-ha example.</summary>
    public FlinkDeploymentBuilder WithHighAvailability() =>
        WithConfiguration("high-availability.type", "kubernetes")
            .WithConfiguration("high-availability.storageDir", "file:///flink-data/ha")
            .WithConfiguration("state.savepoints.dir", "file:///flink-data/savepoints")
            .WithConfiguration("state.checkpoints.dir", "file:///flink-data/checkpoints");

    public JsonObject Build()
    {
        var job = new JsonObject
        {
            ["jarURI"] = "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            ["parallelism"] = _parallelism,
            ["upgradeMode"] = _upgradeMode,
        };
        if (_state is not null)
        {
            job["state"] = _state;
        }
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = "default" };
        if (_annotations.Count > 0)
        {
            metadata["annotations"] = _annotations.DeepClone();
        }
        var spec = new JsonObject
        {
            ["image"] = _image,
            ["flinkVersion"] = "v1_20",
            ["flinkConfiguration"] = _configuration.DeepClone(),
            ["serviceAccount"] = "flink",
            ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
            ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
            ["job"] = job,
        };
        if (_podAnnotations.Count > 0)
        {
            spec["podTemplate"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = _podAnnotations.DeepClone() } };
        }
        return new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }
}
