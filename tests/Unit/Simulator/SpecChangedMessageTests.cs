using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// The diff text of FKO's SpecChanged event (DiffResult.toString over ReflectiveDiffBuilder): one row per JSON Patch
/// operation of a changed field, flinkConfiguration keys in the order of the JVM's HashSet.
/// </summary>
public sealed class SpecChangedMessageTests
{
    [Fact]
    public void A_change_deep_in_an_object_field_is_one_row_with_its_path()
    {
        var before = Spec();
        var after = Spec();
        after["jobManager"]!["resource"]!["memory"] = "4096m";

        var diff = UpgradeDecision.Between(before, after);

        Assert.Equal("Diff: FlinkDeploymentSpec[jobManager.resource.memory : 2048m -> 4096m]", diff.Describe());
        Assert.Equal("UPGRADE", diff.TypeName);
    }

    [Fact]
    public void An_added_and_a_removed_key_of_an_object_field_read_null_on_their_missing_side()
    {
        var before = Spec();
        before["podTemplate"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["team"] = "risk" } } };
        var after = Spec();
        after["podTemplate"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["owner"] = "ana" } } };

        var diff = UpgradeDecision.Between(before, after);

        Assert.Equal("Diff: FlinkDeploymentSpec[podTemplate.metadata.labels : {..} -> null, podTemplate.metadata.annotations : null -> {\"owner\":\"ana\"}]", diff.Describe());
    }

    [Fact]
    public void Configuration_rows_come_in_the_order_of_the_jvms_hash_set_not_alphabetically()
    {
        var before = Spec();
        var after = Spec();
        var configuration = after["flinkConfiguration"]!.AsObject();
        configuration["state.backend.type"] = "rocksdb";
        configuration["taskmanager.memory.process.size"] = "4g";
        configuration["execution.checkpointing.interval"] = "30s";

        var diff = UpgradeDecision.Between(before, after);

        // String.hashCode spread into 16 buckets: execution.checkpointing.interval 0, taskmanager.memory.process.size 1, state.backend.type 14.
        Assert.Equal(
            "Diff: FlinkDeploymentSpec[flinkConfiguration.execution.checkpointing.interval : null -> 30s, "
            + "flinkConfiguration.taskmanager.memory.process.size : null -> 4g, flinkConfiguration.state.backend.type : null -> rocksdb]",
            diff.Describe());
    }

    [Fact]
    public void The_hash_set_order_follows_the_bucket_of_each_key_and_then_insertion()
    {
        Assert.Equal(
            ["execution.checkpointing.interval", "taskmanager.memory.process.size", "parallelism.default", "state.backend.type"],
            JavaHashing.HashSetOrder(["state.backend.type", "parallelism.default", "taskmanager.memory.process.size", "execution.checkpointing.interval"]));
        // "hello".hashCode() in Java.
        Assert.Equal(99_162_322, JavaHashing.StringHash("hello"));
    }

    private static JsonObject Spec() => new()
    {
        ["image"] = "flink:1.20",
        ["flinkVersion"] = "v1_20",
        ["flinkConfiguration"] = new JsonObject { ["taskmanager.numberOfTaskSlots"] = "2" },
        ["jobManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["taskManager"] = new JsonObject { ["resource"] = new JsonObject { ["memory"] = "2048m", ["cpu"] = 1 } },
        ["job"] = new JsonObject { ["jarURI"] = "local:///opt/flink/job.jar", ["parallelism"] = 2, ["upgradeMode"] = "savepoint", ["state"] = "running" },
    };
}
