using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Ingest;

public class ObservationMapperFlinkDeploymentTests
{
    private static readonly EnvironmentInfo Environment = new("production", "team-a");

    [Fact]
    public void The_captured_real_status_is_mapped()
    {
        var environment = new EnvironmentInfo("test", "test-namespace");
        var captured = YamlDocuments.ReadAll(ReferenceFiles.FkoExample("captured-status-operator-1.9.yaml"))[0];

        var observed = Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(environment, captured));

        var status = observed.Resource.Status;
        Assert.Equal(JobState.Running, status.JobState);
        Assert.Equal(LifecycleState.Stable, status.LifecycleState);
        Assert.Equal(JobManagerDeploymentStatus.Ready, status.JobManagerDeploymentStatus);
        Assert.Equal(ReconciliationState.Deployed, status.ReconciliationState);
        Assert.Equal(1, status.ObservedGeneration);
        Assert.Equal("44cc5573945d1d4925732d915c70b9ac", status.JobId);
        Assert.Equal("Minimal Spec Example", status.JobName);
    }

    [Fact]
    public void The_captured_object_is_identified_by_environment_name_and_uid()
    {
        var environment = new EnvironmentInfo("test", "test-namespace");
        var captured = YamlDocuments.ReadAll(ReferenceFiles.FkoExample("captured-status-operator-1.9.yaml"))[0];

        var observed = Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(environment, captured));

        Assert.Equal(new ApplicationKey("test", "basic-example"), observed.Application);
        Assert.Equal("test-namespace", observed.Namespace);
        Assert.Equal(
            ("87ef77ca-7bf0-4998-b275-06f459872e03", "5053661", 1L, new DateTimeOffset(2024, 6, 5, 14, 52, 28, TimeSpan.Zero)),
            (observed.Resource.ObjectUid, observed.Resource.ResourceVersion, observed.Resource.Generation, observed.Resource.CreationTimestamp));
        Assert.Equal(("v1_17", "stateless"), (observed.Resource.Spec.FlinkVersion, observed.Resource.Spec.UpgradeMode));
    }

    [Fact]
    public void A_new_shape_object_is_mapped_with_its_effective_spec()
    {
        var resource = FlinkDeploymentBuilder.New()
            .WithFlinkConfiguration("state", Json.Node("""{"checkpoints.dir":"s3://cp"}"""))
            .Set("status.jobStatus.state", "RECONCILING")
            .Set("status.lifecycleState", "DEPLOYED")
            .Set("status.observedGeneration", 1)
            .Build();

        var observed = Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.Equal(SpecVersionFactory.Create((JsonObject)resource["spec"]!), observed.Resource.Spec);
        Assert.Equal((JobState.Reconciling, LifecycleState.Deployed), (observed.Resource.Status.JobState, observed.Resource.Status.LifecycleState));
    }

    [Fact]
    public void Environment_defaults_are_never_merged_into_the_effective_spec()
    {
        var environment = Environment with { FlinkApplicationDefaults = Json.Object("""{"spec":{"podTemplate":{"spec":{"priorityClassName":"batch"}}}}""") };

        var observed = (FlinkDeploymentObserved)ObservationMapper.MapFlinkDeployment(environment, FlinkDeploymentBuilder.New().Build());

        Assert.DoesNotContain("priorityClassName", observed.Resource.Spec.EffectiveSpecJson);
    }

    [Fact]
    public void A_change_of_environment_defaults_leaves_the_spec_version_as_it_was()
    {
        var resource = FlinkDeploymentBuilder.New().Build();
        var before = (FlinkDeploymentObserved)ObservationMapper.MapFlinkDeployment(Environment, resource);
        var changed = Environment with { FlinkApplicationDefaults = Json.Object("""{"spec":{"serviceAccount":"platform"}}""") };

        var after = (FlinkDeploymentObserved)ObservationMapper.MapFlinkDeployment(changed, resource);

        Assert.Equal(before.Resource.Spec, after.Resource.Spec);
    }

    [Fact]
    public void Savepoint_error_and_upgrade_state_are_passed_on()
    {
        var resource = FlinkDeploymentBuilder.New()
            .Set("status.jobStatus.state", "FINISHED")
            .Set("status.jobStatus.upgradeSavepointPath", "s3://sp/savepoint-1")
            .Set("status.reconciliationStatus.state", "UPGRADING")
            .Set("status.error", """{"type":"SavepointException","message":"timeout"}""")
            .Build();

        var status = ((FlinkDeploymentObserved)ObservationMapper.MapFlinkDeployment(Environment, resource)).Resource.Status;

        Assert.Equal(
            (JobState.Finished, "s3://sp/savepoint-1", ReconciliationState.Upgrading, """{"type":"SavepointException","message":"timeout"}"""),
            (status.JobState, status.UpgradeSavepointPath, status.ReconciliationState, status.Error));
    }

    [Fact]
    public void A_deleted_object_gives_its_uid_and_resource_version()
    {
        var observation = ObservationMapper.MapFlinkDeployment(Environment, FlinkDeploymentBuilder.New().Build(), deleted: true);

        Assert.Equal(
            new FlinkDeploymentDeleted(new ApplicationKey("production", "orders"), "team-a", FlinkDeploymentBuilder.Uid, "1001"),
            observation);
    }

    [Fact]
    public void A_deleted_object_with_a_broken_spec_is_still_a_deletion()
    {
        var resource = FlinkDeploymentBuilder.New().Set("spec", "broken").Build();

        Assert.IsType<FlinkDeploymentDeleted>(ObservationMapper.MapFlinkDeployment(Environment, resource, deleted: true));
    }

    [Theory]
    [InlineData("metadata.uid", "metadata.uid: missing")]
    [InlineData("metadata.resourceVersion", "metadata.resourceVersion: missing")]
    [InlineData("metadata.generation", "metadata.generation: missing")]
    public void An_observed_object_without_its_server_fields_is_rejected(string field, string reason)
    {
        var resource = FlinkDeploymentBuilder.New().Remove(field).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.Equal((new ApplicationKey("production", "orders"), "team-a", "FlinkDeployment", reason),
            (rejected.Application, rejected.Namespace, rejected.Kind, rejected.Reason));
    }

    [Theory]
    [InlineData("spec", "\"x\"", "spec: expected an object, found a string")]
    [InlineData("status", "\"broken\"", "status: expected an object, found a string")]
    [InlineData("spec.job.parallelism", "\"2\"", "spec.job.parallelism: expected a number, found a string")]
    [InlineData("metadata.generation", "\"1\"", "metadata.generation: expected an integer, found a string")]
    public void A_malformed_object_is_rejected_with_the_path_at_fault(string path, string json, string reason)
    {
        var resource = FlinkDeploymentBuilder.New().Set(path, Json.Node(json)).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.Equal((new ApplicationKey("production", "orders"), "FlinkDeployment", "1001", reason),
            (rejected.Application, rejected.Kind, rejected.ResourceVersion, rejected.Reason));
    }

    [Fact]
    public void An_object_without_a_name_is_rejected_under_an_empty_application_name()
    {
        var resource = FlinkDeploymentBuilder.New().Remove("metadata.name").Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.Equal((new ApplicationKey("production", ""), "metadata.name: missing"), (rejected.Application, rejected.Reason));
    }

    [Fact]
    public void An_object_from_another_namespace_is_rejected()
    {
        var resource = FlinkDeploymentBuilder.New().Set("metadata.namespace", "team-b").Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.Equal("metadata.namespace: \"team-b\" is not the namespace of environment \"production\" (\"team-a\")", rejected.Reason);
    }

    [Fact]
    public void An_object_without_a_namespace_is_filed_under_the_environments()
    {
        var resource = FlinkDeploymentBuilder.New().Remove("metadata.namespace").Build();

        Assert.Equal("team-a", ObservationMapper.MapFlinkDeployment(Environment, resource).Namespace);
    }

    [Fact]
    public void A_spec_over_the_size_limit_is_rejected()
    {
        var resource = FlinkDeploymentBuilder.New().Set("spec.logConfiguration", new JsonObject { ["log4j.properties"] = new string('x', 2_000_000) }).Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, resource));

        Assert.StartsWith("spec: too large: ", rejected.Reason);
    }
}
