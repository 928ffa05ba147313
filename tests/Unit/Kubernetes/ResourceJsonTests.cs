using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.UnitTests.Simulator.Support;
using k8s;

namespace Cmf.UnitTests.Kubernetes;

/// <summary>
/// List bodies and watch lines are read one object at a time: an object nested deeper than the watcher reads is one
/// unreadable object that keeps its identity, and everything around it is read as usual.
/// </summary>
public sealed class ResourceJsonTests
{
    // As deep as the API server's decoder allows, with room for the list or watch event around the object.
    private static readonly JsonSerializerOptions Deep = new() { MaxDepth = ResourceJson.ApiServerMaxDepth + 8 };

    [Fact]
    public void A_deep_object_in_a_list_is_one_unreadable_item_between_items_read_whole()
    {
        var body = List(Named("before"), Hostile(90), Named("after"));

        var (items, resourceVersion) = ResourceJson.ReadList(body, metadataOnly: false);

        Assert.Equal("42", resourceVersion);
        Assert.Equal(["before", "hostile", "after"], items.Select(i => i.Json["metadata"]!["name"]!.GetValue<string>()));
        Assert.Null(items[0].Unreadable);
        Assert.NotNull(items[0].Json["spec"]);
        Assert.Equal("nested 90 levels deep; objects are read up to 64 levels", items[1].Unreadable);
        Assert.Null(items[2].Unreadable);
    }

    [Fact]
    public void An_unreadable_object_keeps_its_identity_and_nothing_else()
    {
        var hostile = Hostile(90);
        hostile["metadata"]!["managedFields"] = new JsonArray(new JsonObject { ["fieldsV1"] = Nested(90) });

        var read = ResourceJson.Read(Encoding.UTF8.GetBytes(hostile.ToJsonString(Deep)), metadataOnly: false);

        Assert.NotNull(read.Unreadable);
        Assert.Equal(["apiVersion", "kind", "metadata"], read.Json.Select(p => p.Key));
        var metadata = read.Json["metadata"]!.AsObject();
        Assert.Equal(["name", "namespace", "uid", "resourceVersion", "generation"], metadata.Select(p => p.Key));
        Assert.Equal("7", metadata["resourceVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ResourceJson.MaxObjectDepth, false)]
    [InlineData(ResourceJson.MaxObjectDepth + 1, true)]
    public void Objects_are_read_whole_up_to_the_depth_limit(int depth, bool unreadable)
    {
        var json = Encoding.UTF8.GetBytes(Hostile(depth).ToJsonString(Deep));

        var read = ResourceJson.Read(json, metadataOnly: false);

        Assert.Equal(depth, ResourceJson.Depth(json));
        Assert.Equal(unreadable, read.Unreadable is not null);
    }

    [Fact]
    public void An_object_as_deep_as_the_api_server_allows_is_split_out_of_its_list()
    {
        var body = List(Hostile(ResourceJson.ApiServerMaxDepth), Named("after"));

        var (items, _) = ResourceJson.ReadList(body, metadataOnly: false);

        Assert.Equal($"nested {ResourceJson.ApiServerMaxDepth} levels deep; objects are read up to 64 levels", items[0].Unreadable);
        Assert.Equal("after", items[1].Json["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_watch_event_of_a_deep_object_carries_the_resource_version_to_resume_from()
    {
        var line = Line(new JsonObject { ["type"] = "MODIFIED", ["object"] = Hostile(90) });

        var (type, obj) = ResourceJson.ReadWatchEvent(line, metadataOnly: false)!.Value;

        Assert.Equal(WatchEventType.Modified, type);
        Assert.NotNull(obj.Unreadable);
        Assert.Equal("7", obj.Json["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public void An_error_event_ends_the_watch_with_its_status()
    {
        var status = new JsonObject { ["kind"] = "Status", ["status"] = "Failure", ["reason"] = "Expired", ["code"] = 410, ["message"] = "too old resource version" };

        var error = Assert.Throws<KubernetesException>(() => ResourceJson.ReadWatchEvent(Line(new JsonObject { ["type"] = "ERROR", ["object"] = status }), metadataOnly: true));

        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
    }

    [Fact]
    public void Pods_are_read_as_their_identity()
    {
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "orders-jm", ["annotations"] = new JsonObject { ["a"] = "b" } },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray() },
        };

        var (items, _) = ResourceJson.ReadList(List(pod), metadataOnly: true);

        var read = Assert.Single(items);
        Assert.Null(read.Unreadable);
        Assert.Equal(["apiVersion", "kind", "metadata"], read.Json.Select(p => p.Key));
        Assert.Equal("b", read.Json["metadata"]!["annotations"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public void A_blank_watch_line_is_no_event_and_a_line_that_is_not_json_fails_the_watch()
    {
        Assert.Null(ResourceJson.ReadWatchEvent(new ReadOnlySequence<byte>("  \r"u8.ToArray()), metadataOnly: false));
        Assert.ThrowsAny<JsonException>(() => ResourceJson.ReadWatchEvent(new ReadOnlySequence<byte>("{\"type\":\"ADDED\",\"obj"u8.ToArray()), metadataOnly: false));
    }

    private static JsonObject Named(string name) => FlinkDeploymentBuilder.Named(name).Build();

    private static JsonObject Hostile(int depth)
    {
        var hostile = FlinkDeploymentBuilder.Named("hostile").NestedLevelsDeep(depth).Build();
        var metadata = hostile["metadata"]!.AsObject();
        metadata["uid"] = "uid-1";
        metadata["resourceVersion"] = "7";
        metadata["generation"] = 1;
        return hostile;
    }

    private static JsonObject Nested(int depth)
    {
        var nested = new JsonObject();
        for (var level = 1; level < depth; level++)
        {
            nested = new JsonObject { ["f:nested"] = nested };
        }
        return nested;
    }

    private static byte[] List(params JsonObject[] items) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["apiVersion"] = "flink.apache.org/v1beta1",
        ["kind"] = "FlinkDeploymentList",
        ["metadata"] = new JsonObject { ["resourceVersion"] = "42" },
        ["items"] = new JsonArray([.. items]),
    }.ToJsonString(Deep));

    private static ReadOnlySequence<byte> Line(JsonObject watchEvent) => new(Encoding.UTF8.GetBytes(watchEvent.ToJsonString(Deep)));
}
