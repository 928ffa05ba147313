using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Specs;
using k8s;

namespace Cmf.UnitTests.Ingest;

public class ObservationMapperTests
{
    private static readonly EnvironmentInfo Environment = new("production", "team-a");

    [Theory]
    [InlineData(WatchEventType.Added, typeof(FlinkDeploymentObserved))]
    [InlineData(WatchEventType.Modified, typeof(FlinkDeploymentObserved))]
    [InlineData(WatchEventType.Deleted, typeof(FlinkDeploymentDeleted))]
    public void A_watch_event_is_mapped_by_its_type(WatchEventType eventType, Type observation)
    {
        Assert.IsType(observation, ObservationMapper.Map(Environment, eventType, FlinkDeploymentBuilder.New().Build()));
    }

    [Theory]
    [InlineData(WatchEventType.Bookmark)]
    [InlineData(WatchEventType.Error)]
    public void Bookmarks_and_errors_are_not_observations(WatchEventType eventType)
    {
        Assert.Null(ObservationMapper.Map(Environment, eventType, FlinkDeploymentBuilder.New().Build()));
    }

    [Fact]
    public void A_deployment_event_is_mapped_as_a_job_manager_deployment()
    {
        var deployment = Json.Object("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"orders","uid":"u-1","resourceVersion":"5",
             "labels":{"app":"orders","component":"jobmanager"},
             "ownerReferences":[{"apiVersion":"flink.apache.org/v1beta1","kind":"FlinkDeployment","name":"orders","uid":"fd-1"}]},"spec":{}}
            """);

        Assert.IsType<JobManagerDeploymentObserved>(ObservationMapper.Map(Environment, WatchEventType.Added, deployment));
    }

    [Fact]
    public void A_pod_event_is_mapped_as_a_job_manager_pod()
    {
        var pod = Json.Object("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"orders-1","labels":{"app":"orders","component":"jobmanager"},
             "annotations":{"platform.confluent.io/cmf-fa-instance":"3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}}}
            """);

        Assert.IsType<JobManagerPodObserved>(ObservationMapper.Map(Environment, WatchEventType.Modified, pod));
    }

    [Theory]
    [InlineData("""{"kind":"ConfigMap","metadata":{"name":"orders-config"}}""", "kind: expected FlinkDeployment, Deployment or Pod, found \"ConfigMap\"")]
    [InlineData("""{"metadata":{"name":"orders"}}""", "kind: missing")]
    [InlineData("""{"kind":7}""", "kind: missing")]
    [InlineData("\"text\"", "kind: missing")]
    [InlineData("null", "kind: missing")]
    public void An_object_of_no_known_kind_is_rejected(string json, string reason)
    {
        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, Json.Node(json)));

        Assert.Equal(("unknown", reason), (rejected.Kind, rejected.Reason));
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_is_rejected_not_thrown()
    {
        var resource = JsonNode.Parse(FlinkDeploymentBuilder.New().Build().ToJsonString().Replace("flink:2.2", "flink:\\ud800", StringComparison.Ordinal));

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.Equal((new ApplicationKey("production", "orders"), "FlinkDeployment"), (rejected.Application, rejected.Kind));
        Assert.StartsWith("unreadable: ", rejected.Reason);
    }

    [Fact]
    public void A_lone_surrogate_in_the_name_is_rejected_under_an_empty_application_name()
    {
        var resource = JsonNode.Parse(FlinkDeploymentBuilder.New().Build().ToJsonString().Replace("\"orders\"", "\"\\udc00\"", StringComparison.Ordinal));

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.Equal(new ApplicationKey("production", ""), rejected.Application);
    }

    [Fact]
    public void A_lone_surrogate_in_the_kind_is_rejected_as_an_unknown_kind()
    {
        var resource = JsonNode.Parse("""{"kind":"\ud800","metadata":{"name":"x"}}""");

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.Equal(("unknown", "kind: missing"), (rejected.Kind, rejected.Reason));
    }

    [Fact]
    public void An_unreadable_reason_is_kept_short_whatever_the_input_quotes()
    {
        var key = new string('k', 100_000);
        var resource = JsonNode.Parse("{\"kind\":\"FlinkDeployment\",\"metadata\":{\"" + key + "\":1,\"" + key + "\":2},\"spec\":{}}");

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.InRange(rejected.Reason.Length, 1, 400);
    }

    [Fact]
    public void A_node_with_duplicate_keys_is_rejected_not_thrown()
    {
        var resource = JsonNode.Parse("""{"kind":"FlinkDeployment","metadata":{"name":"a","name":"b"},"spec":{}}""");

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.StartsWith("unreadable: ", rejected.Reason);
    }

    [Fact]
    public void Nesting_beyond_the_writers_depth_is_rejected_not_thrown()
    {
        JsonNode deep = new JsonObject();
        for (var i = 0; i < 1_100; i++)
        {
            deep = new JsonObject { ["n"] = deep };
        }
        var resource = FlinkDeploymentBuilder.New().Set("spec.podTemplate", deep).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.StartsWith("unreadable: ", rejected.Reason);
    }

    [Fact]
    public void The_same_object_maps_to_equal_observations()
    {
        var first = ObservationMapper.Map(Environment, WatchEventType.Modified, FlinkDeploymentBuilder.New().Build());
        var second = ObservationMapper.Map(Environment, WatchEventType.Modified, FlinkDeploymentBuilder.New().Build());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Json_from_the_wire_with_numbers_as_written_maps_like_built_json()
    {
        var built = FlinkDeploymentBuilder.New().Build();
        var parsed = JsonNode.Parse(built.ToJsonString(), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });

        Assert.Equal(
            ObservationMapper.Map(Environment, WatchEventType.Added, built),
            ObservationMapper.Map(Environment, WatchEventType.Added, parsed));
    }
}
