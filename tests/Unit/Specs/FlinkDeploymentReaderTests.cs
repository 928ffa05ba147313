using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Specs;

public class FlinkDeploymentReaderTests
{
    [Theory]
    [InlineData("basic.yaml", "basic-example")]
    [InlineData("basic-checkpoint-ha.yaml", "basic-checkpoint-ha-example")]
    [InlineData("snapshot_job-from-savepoint.yaml", "example-deployment")]
    [InlineData("captured-status-operator-1.9.yaml", "basic-example")]
    public void Every_reference_example_FlinkDeployment_is_read(string file, string name)
    {
        var deployment = YamlDocuments.ReadAll(ReferenceFiles.FkoExample(file))
            .Single(d => d["kind"]!.GetValue<string>() == "FlinkDeployment");

        var result = FlinkDeploymentReader.Read(deployment);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(name, result.Value.Metadata.Name);
    }

    [Fact]
    public void A_state_snapshot_is_refused_as_another_kind()
    {
        var documents = YamlDocuments.ReadAll(ReferenceFiles.FkoExample("snapshot_job-from-savepoint.yaml"));

        var result = FlinkDeploymentReader.Read(documents[0]);

        Assert.Equal("kind: expected FlinkDeployment, found \"FlinkStateSnapshot\"", result.Error);
    }

    [Fact]
    public void Old_shape_flink_configuration_keeps_its_string_values()
    {
        var resource = ReadCaptured();

        var slots = resource.Spec["flinkConfiguration"]!["taskmanager.numberOfTaskSlots"]!;

        Assert.Equal("2", slots.GetValue<string>());
    }

    [Fact]
    public void New_shape_flink_configuration_keeps_numbers_and_nested_objects()
    {
        var deployment = YamlDocuments.ReadAll(ReferenceFiles.FkoExample("basic-checkpoint-ha.yaml"))[0];

        var configuration = FlinkDeploymentReader.Read(deployment).Value!.Spec["flinkConfiguration"]!;

        Assert.Equal("{\"savepoints.dir\":\"file:///flink-data/savepoints\",\"checkpoints.dir\":\"file:///flink-data/checkpoints\"}",
            configuration["state"]!.ToJsonString());
        Assert.Equal("2", configuration["taskmanager.numberOfTaskSlots"]!.ToJsonString());
    }

    [Fact]
    public void Captured_job_status_is_read_with_epoch_millisecond_strings()
    {
        var job = ReadCaptured().Status.JobStatus!;

        Assert.Equal(
            new FlinkJobStatus
            {
                JobName = "Minimal Spec Example",
                JobId = "44cc5573945d1d4925732d915c70b9ac",
                State = JobState.Running,
                StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1717599166365),
                UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(1717599182544),
            },
            job);
    }

    [Fact]
    public void Captured_lifecycle_and_job_manager_status_are_read()
    {
        var status = ReadCaptured().Status;

        Assert.Equal(LifecycleState.Stable, status.LifecycleState);
        Assert.Equal(JobManagerDeploymentStatus.Ready, status.JobManagerDeploymentStatus);
        Assert.Equal(1, status.ObservedGeneration);
        Assert.Equal("1.17.1", status.ClusterInfo["flink-version"]);
    }

    [Fact]
    public void Captured_reconciliation_status_keeps_the_spec_documents_as_text()
    {
        var reconciliation = ReadCaptured().Status.ReconciliationStatus!;

        Assert.Equal(ReconciliationState.Deployed, reconciliation.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1717599148930), reconciliation.ReconciliationTimestamp);
        Assert.StartsWith("{\"spec\":{\"job\":", reconciliation.LastStableSpec);
        Assert.Equal(reconciliation.LastStableSpec, reconciliation.LastReconciledSpec);
    }

    [Fact]
    public void Metadata_is_read()
    {
        var metadata = FlinkDeploymentBuilder.New()
            .Set("metadata.deletionTimestamp", "2025-03-02T11:00:00Z")
            .Set("metadata.labels.team", "payments")
            .Set(["metadata", "annotations", "example.com/owner"], "alice")
            .Read().Metadata;

        Assert.Equal(
            new ObjectMetadata
            {
                Name = "orders",
                Namespace = "team-a",
                Uid = FlinkDeploymentBuilder.Uid,
                ResourceVersion = "1001",
                Generation = 1,
                CreationTimestamp = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
                DeletionTimestamp = new DateTimeOffset(2025, 3, 2, 11, 0, 0, TimeSpan.Zero),
                Labels = metadata.Labels,
                Annotations = metadata.Annotations,
            },
            metadata);
        Assert.Equal("payments", metadata.Labels["team"]);
        Assert.Equal("alice", metadata.Annotations["example.com/owner"]);
    }

    [Fact]
    public void A_manifest_without_uid_resource_version_or_generation_is_read()
    {
        var metadata = FlinkDeploymentBuilder.New()
            .Remove("metadata.uid").Remove("metadata.resourceVersion").Remove("metadata.generation")
            .Read().Metadata;

        Assert.Equal((null, null, null), (metadata.Uid, metadata.ResourceVersion, metadata.Generation));
    }

    [Theory]
    [InlineData("\"1717599166365\"")]
    [InlineData("1717599166365")]
    public void Epoch_milliseconds_are_read_from_strings_and_numbers(string startTime)
    {
        var resource = FlinkDeploymentBuilder.New().Set("status.jobStatus.startTime", Json.Node(startTime)).Read();

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1717599166365), resource.Status.JobStatus!.StartTime);
    }

    [Fact]
    public void A_state_the_operator_may_add_later_reads_as_unknown()
    {
        var resource = FlinkDeploymentBuilder.New().Set("status.jobStatus.state", "HIBERNATING").Read();

        Assert.Equal(JobState.Unknown, resource.Status.JobStatus!.State);
    }

    [Fact]
    public void Fields_the_reader_does_not_know_are_accepted()
    {
        var result = FlinkDeploymentReader.Read(FlinkDeploymentBuilder.New()
            .Set("spec.newFeature", Json.Node("""{"enabled":true}"""))
            .Set("status.futureField", Json.Node("[1,2]"))
            .Build());

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    public void An_empty_error_reads_as_no_error(string error)
    {
        // Operators up to 1.2 write error: "" while healthy (realworld/flinkdeployment-airflow-fixture-jm-deploying.py).
        var status = FlinkDeploymentBuilder.New().Set("status.error", error).Read().Status;

        Assert.Null(status.Error);
    }

    [Fact]
    public void An_error_is_kept_exactly_as_written()
    {
        const string Error = " {\"type\":\"X\",\"message\":\"Savepoint failed\"}\n";

        var status = FlinkDeploymentBuilder.New().Set("status.error", Error).Read().Status;

        Assert.Equal(Error, status.Error);
    }

    [Fact]
    public void A_missing_status_reads_as_empty()
    {
        var status = FlinkDeploymentBuilder.New().Read().Status;

        Assert.Same(FlinkDeploymentStatus.Empty, status);
    }

    [Fact]
    public void The_spec_is_the_objects_own_node()
    {
        var resource = FlinkDeploymentBuilder.New().Build();

        Assert.Same(resource["spec"], FlinkDeploymentReader.Read(resource).Value!.Spec);
    }

    [Theory]
    [InlineData("spec.job.parallelism", "\"2\"", "spec.job.parallelism: expected a number, found a string")]
    [InlineData("spec.flinkVersion", "17", "spec.flinkVersion: expected a string, found a number")]
    [InlineData("spec.image", "{}", "spec.image: expected a string, found an object")]
    [InlineData("spec.job.upgradeMode", "true", "spec.job.upgradeMode: expected a string, found a boolean")]
    [InlineData("spec.job.state", "[]", "spec.job.state: expected a string, found an array")]
    [InlineData("spec.job", "\"run\"", "spec.job: expected an object, found a string")]
    [InlineData("spec.flinkConfiguration", "\"a=b\"", "spec.flinkConfiguration: expected an object, found a string")]
    [InlineData("spec", "\"x\"", "spec: expected an object, found a string")]
    [InlineData("spec", "null", "spec: missing")]
    [InlineData("spec.podTemplate.metadata.annotations.owner", "1", "spec.podTemplate.metadata.annotations.owner: expected a string, found a number")]
    [InlineData("spec.jobManager.podTemplate.metadata.labels", "[]", "spec.jobManager.podTemplate.metadata.labels: expected an object, found an array")]
    [InlineData("metadata", "7", "metadata: expected an object, found a number")]
    [InlineData("metadata.name", "5", "metadata.name: expected a string, found a number")]
    [InlineData("metadata.name", "\"\"", "metadata.name: must not be empty")]
    [InlineData("metadata.name", "null", "metadata.name: missing")]
    [InlineData("metadata.uid", "7", "metadata.uid: expected a string, found a number")]
    [InlineData("metadata.generation", "\"1\"", "metadata.generation: expected an integer, found a string")]
    [InlineData("metadata.generation", "1.5", "metadata.generation: expected an integer, found a number")]
    [InlineData("metadata.creationTimestamp", "\"yesterday\"", "metadata.creationTimestamp: expected an RFC 3339 time")]
    [InlineData("metadata.labels.app", "1", "metadata.labels.app: expected a string, found a number")]
    [InlineData("kind", "\"Deployment\"", "kind: expected FlinkDeployment, found \"Deployment\"")]
    [InlineData("status", "\"broken\"", "status: expected an object, found a string")]
    [InlineData("status.jobStatus.startTime", "\"soon\"", "status.jobStatus.startTime: expected epoch milliseconds, found a string that is not an integer")]
    [InlineData("status.jobStatus.updateTime", "99999999999999999", "status.jobStatus.updateTime: epoch milliseconds out of range")]
    [InlineData("status.observedGeneration", "\"1\"", "status.observedGeneration: expected an integer, found a string")]
    [InlineData("status.reconciliationStatus.lastStableSpec", "{}", "status.reconciliationStatus.lastStableSpec: expected a string, found an object")]
    [InlineData("status.error", "{\"message\":\"x\"}", "status.error: expected a string, found an object")]
    [InlineData("status.clusterInfo.total-cpu", "2", "status.clusterInfo.total-cpu: expected a string, found a number")]
    public void A_field_of_the_wrong_type_is_reported_with_its_path(string path, string json, string error)
    {
        var result = FlinkDeploymentReader.Read(FlinkDeploymentBuilder.New().Set(path, Json.Node(json)).Build());

        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void A_key_that_is_not_an_identifier_is_quoted_in_the_path()
    {
        var resource = FlinkDeploymentBuilder.New()
            .Set(["metadata", "annotations", "platform.confluent.io/cmf-fa-instance"], 1)
            .Build();

        Assert.Equal(
            "metadata.annotations[\"platform.confluent.io/cmf-fa-instance\"]: expected a string, found a number",
            FlinkDeploymentReader.Read(resource).Error);
    }

    [Theory]
    [InlineData("\"text\"", "expected a FlinkDeployment object, found a string")]
    [InlineData("[]", "expected a FlinkDeployment object, found an array")]
    [InlineData("null", "expected a FlinkDeployment object, found null")]
    public void Something_other_than_an_object_is_refused(string json, string error)
    {
        Assert.Equal(error, FlinkDeploymentReader.Read(Json.Node(json)).Error);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var result = FlinkDeploymentReader.Read("{\"metadata\":");

        Assert.StartsWith("not valid JSON: ", result.Error);
    }

    [Fact]
    public void Json_text_with_a_duplicate_key_is_refused()
    {
        var result = FlinkDeploymentReader.Read("""{"metadata":{"name":"a","name":"b"},"spec":{}}""");

        Assert.StartsWith("not valid JSON: ", result.Error);
    }

    [Fact]
    public void A_lone_surrogate_is_reported_not_thrown()
    {
        var json = FlinkDeploymentBuilder.New().Set("spec.podTemplate.spec.hostname", "placeholder").Build().ToJsonString();

        var result = FlinkDeploymentReader.Read(json.Replace("placeholder", "\\ud800", StringComparison.Ordinal));

        Assert.StartsWith("unreadable: ", result.Error);
    }

    [Fact]
    public void Json_text_is_read_like_a_node()
    {
        var json = FlinkDeploymentBuilder.New().Build().ToJsonString();

        var result = FlinkDeploymentReader.Read(json);

        Assert.Equal("orders", result.Value?.Metadata.Name);
    }

    private static FlinkDeploymentResource ReadCaptured()
    {
        var result = FlinkDeploymentReader.Read(YamlDocuments.ReadAll(ReferenceFiles.FkoExample("captured-status-operator-1.9.yaml"))[0]);
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
