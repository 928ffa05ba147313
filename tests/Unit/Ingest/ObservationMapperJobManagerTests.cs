using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Specs;

namespace Cmf.UnitTests.Ingest;

public class ObservationMapperJobManagerTests
{
    private const string DeploymentUid = "a1b2c3d4-0000-4000-8000-000000000001";
    private const string Instance = "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static readonly EnvironmentInfo Environment = new("production", "team-a");

    [Fact]
    public void A_job_manager_deployment_is_one_cluster_of_its_app()
    {
        var deployment = JobManagerDeployment().WithGeneration("2").WithTemplateAnnotation(MetadataKeys.InstanceAnnotation, Instance).Build();

        var observation = ObservationMapper.MapJobManagerDeployment(Environment, deployment);

        Assert.Equal(
            new JobManagerDeploymentObserved(new ApplicationKey("production", "orders"), "team-a", new JobManagerDeploymentSnapshot
            {
                Uid = DeploymentUid,
                Name = "orders",
                ResourceVersion = "2002",
                CreationTimestamp = new DateTimeOffset(2025, 3, 1, 10, 1, 0, TimeSpan.Zero),
                GenerationAnnotation = 2,
                InstanceAnnotation = Instance,
                DeploymentType = "flink-native-kubernetes",
            }),
            observation);
    }

    [Fact]
    public void The_owning_flink_deployment_names_the_application()
    {
        var deployment = JobManagerDeployment().WithLabel("app", "something-else").WithOwner("flink.apache.org/v1beta1", "FlinkDeployment", "orders").Build();

        Assert.Equal(new ApplicationKey("production", "orders"), ObservationMapper.MapJobManagerDeployment(Environment, deployment)?.Application);
    }

    [Fact]
    public void A_job_manager_deployment_without_a_flink_deployment_owner_is_not_a_cluster_we_track()
    {
        // Flink's own standalone manifests and kubernetes-session.sh clusters carry the same labels.
        var deployment = JobManagerDeployment().WithoutOwner().Build();

        Assert.Null(ObservationMapper.MapJobManagerDeployment(Environment, deployment));
        Assert.Null(ObservationMapper.MapJobManagerDeployment(Environment, deployment, deleted: true));
    }

    [Theory]
    [InlineData("flink.apache.org/v1beta1", "FlinkSessionJob")]
    [InlineData("example.com/v1", "FlinkDeployment")]
    public void An_owner_of_another_kind_or_group_is_not_a_flink_deployment(string apiVersion, string kind)
    {
        var deployment = JobManagerDeployment().WithOwner(apiVersion, kind, "orders").Build();

        Assert.Null(ObservationMapper.MapJobManagerDeployment(Environment, deployment));
    }

    [Fact]
    public void A_deleted_job_manager_deployment_ends_its_cluster()
    {
        var observation = ObservationMapper.MapJobManagerDeployment(Environment, JobManagerDeployment().Build(), deleted: true);

        var deleted = Assert.IsType<JobManagerDeploymentDeleted>(observation);
        Assert.Equal(DeploymentUid, deleted.Deployment.Uid);
    }

    [Theory]
    [InlineData("taskmanager")]
    [InlineData(null)]
    public void A_deployment_that_is_not_a_job_manager_yields_nothing(string? component)
    {
        var deployment = JobManagerDeployment().WithLabel("component", component).Build();

        Assert.Null(ObservationMapper.MapJobManagerDeployment(Environment, deployment));
    }

    [Theory]
    [InlineData("two")]
    [InlineData("-1")]
    [InlineData("")]
    public void An_unreadable_generation_annotation_counts_as_absent(string generation)
    {
        var deployment = JobManagerDeployment().WithGeneration(generation).Build();

        var observed = Assert.IsType<JobManagerDeploymentObserved>(ObservationMapper.MapJobManagerDeployment(Environment, deployment));

        Assert.Null(observed.Deployment.GenerationAnnotation);
    }

    [Fact]
    public void An_instance_annotation_that_is_not_a_uid_counts_as_absent()
    {
        var deployment = JobManagerDeployment().WithTemplateAnnotation(MetadataKeys.InstanceAnnotation, "javascript:alert(1)").Build();

        var observed = Assert.IsType<JobManagerDeploymentObserved>(ObservationMapper.MapJobManagerDeployment(Environment, deployment));

        Assert.Null(observed.Deployment.InstanceAnnotation);
    }

    [Fact]
    public void A_template_annotation_of_the_wrong_type_is_rejected_with_its_path()
    {
        var deployment = JobManagerDeployment().WithTemplateAnnotation(MetadataKeys.InstanceAnnotation, 7).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapJobManagerDeployment(Environment, deployment));

        Assert.Equal(
            ("Deployment", "spec.template.metadata.annotations[\"platform.confluent.io/cmf-fa-instance\"]: expected a string, found a number"),
            (rejected.Kind, rejected.Reason));
    }

    [Fact]
    public void A_job_manager_deployment_without_uid_is_rejected()
    {
        var deployment = JobManagerDeployment().Build();
        deployment["metadata"]!.AsObject().Remove("uid");

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapJobManagerDeployment(Environment, deployment));

        Assert.Equal((new ApplicationKey("production", "orders"), "metadata.uid: missing"), (rejected.Application, rejected.Reason));
    }

    [Fact]
    public void A_job_manager_pod_with_the_instance_annotation_names_its_instance()
    {
        var pod = JobManagerPod().WithAnnotation(MetadataKeys.InstanceAnnotation, Instance).Build();

        var observation = ObservationMapper.MapJobManagerPod(Environment, pod);

        Assert.Equal(new JobManagerPodObserved(new ApplicationKey("production", "orders"), "team-a", "orders-7d9f8-abcde", Instance), observation);
    }

    [Fact]
    public void A_pod_without_the_instance_annotation_yields_nothing()
    {
        Assert.Null(ObservationMapper.MapJobManagerPod(Environment, JobManagerPod().Build()));
    }

    [Fact]
    public void A_task_manager_pod_yields_nothing()
    {
        var pod = JobManagerPod().WithLabel("component", "taskmanager").WithAnnotation(MetadataKeys.InstanceAnnotation, Instance).Build();

        Assert.Null(ObservationMapper.MapJobManagerPod(Environment, pod));
    }

    [Fact]
    public void A_deleted_pod_yields_nothing()
    {
        var pod = JobManagerPod().WithAnnotation(MetadataKeys.InstanceAnnotation, Instance).Build();

        Assert.Null(ObservationMapper.MapJobManagerPod(Environment, pod, deleted: true));
    }

    [Fact]
    public void A_pod_with_an_invalid_instance_annotation_is_rejected()
    {
        var pod = JobManagerPod().WithAnnotation(MetadataKeys.InstanceAnnotation, new string('9', 5000)).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapJobManagerPod(Environment, pod));

        Assert.Equal(("Pod", "metadata.annotations[\"platform.confluent.io/cmf-fa-instance\"]: not a valid instance UID"), (rejected.Kind, rejected.Reason));
    }

    [Fact]
    public void A_pod_without_an_app_label_is_rejected()
    {
        var pod = JobManagerPod().WithLabel("app", null).WithAnnotation(MetadataKeys.InstanceAnnotation, Instance).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapJobManagerPod(Environment, pod));

        Assert.Equal((new ApplicationKey("production", ""), "metadata.labels.app: missing"), (rejected.Application, rejected.Reason));
    }

    private static KubernetesObjectBuilder JobManagerDeployment() =>
        new KubernetesObjectBuilder("apps/v1", "Deployment", "orders", DeploymentUid, "2002")
            .WithLabel("app", "orders").WithLabel("component", "jobmanager").WithLabel("type", "flink-native-kubernetes");

    private static KubernetesObjectBuilder JobManagerPod() =>
        new KubernetesObjectBuilder("v1", "Pod", "orders-7d9f8-abcde", "b2c3d4e5-0000-4000-8000-000000000002", "3003")
            .WithLabel("app", "orders").WithLabel("component", "jobmanager");

    /// <summary>A Deployment or Pod with just the metadata and template the mapper reads.</summary>
    private sealed class KubernetesObjectBuilder(string apiVersion, string kind, string name, string uid, string resourceVersion)
    {
        private readonly JsonObject _labels = [];
        private readonly JsonObject _annotations = [];
        private readonly JsonObject _templateAnnotations = [];
        private JsonObject? _owner = kind == "Deployment" ? Owner("flink.apache.org/v1beta1", "FlinkDeployment", name) : null;

        public KubernetesObjectBuilder WithLabel(string key, string? value) => Put(_labels, key, value);

        public KubernetesObjectBuilder WithAnnotation(string key, string value) => Put(_annotations, key, value);

        public KubernetesObjectBuilder WithGeneration(string generation) => Put(_annotations, MetadataKeys.GenerationAnnotation, generation);

        public KubernetesObjectBuilder WithTemplateAnnotation(string key, JsonNode value) => Put(_templateAnnotations, key, value);

        public KubernetesObjectBuilder WithOwner(string ownerApiVersion, string ownerKind, string ownerName)
        {
            _owner = Owner(ownerApiVersion, ownerKind, ownerName);
            return this;
        }

        public KubernetesObjectBuilder WithoutOwner()
        {
            _owner = null;
            return this;
        }

        public JsonObject Build()
        {
            var resource = new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["kind"] = kind,
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = "team-a",
                    ["uid"] = uid,
                    ["resourceVersion"] = resourceVersion,
                    ["creationTimestamp"] = "2025-03-01T10:01:00Z",
                    ["labels"] = _labels.DeepClone(),
                    ["annotations"] = _annotations.DeepClone(),
                },
            };
            if (_owner is not null)
            {
                resource["metadata"]!["ownerReferences"] = new JsonArray(_owner.DeepClone());
            }
            if (kind == "Deployment")
            {
                resource["spec"] = new JsonObject
                {
                    ["replicas"] = 1,
                    ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = _templateAnnotations.DeepClone() } },
                };
            }
            return resource;
        }

        // FKO sets the owner through kubernetes.jobmanager.owner.reference: blockOwnerDeletion true, controller false.
        private static JsonObject Owner(string apiVersion, string kind, string name) => new()
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["name"] = name,
            ["uid"] = "0b1ec7a1-0000-4000-8000-0000000000fd",
            ["blockOwnerDeletion"] = true,
            ["controller"] = false,
        };

        private KubernetesObjectBuilder Put(JsonObject map, string key, JsonNode? value)
        {
            map.Remove(key);
            if (value is not null)
            {
                map[key] = value;
            }
            return this;
        }
    }
}
