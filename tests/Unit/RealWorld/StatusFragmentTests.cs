using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// Status-only fragments: a CFK FlinkApplication whose status mirrors FKO's FlinkDeployment status mid-upgrade, and the
/// value of <c>status.error</c> FKO wrote when TaskManager memory was too small. With no metadata the mapper must
/// reject a fragment by naming what is missing; the status itself must still read as an operator would read it.
/// </summary>
public sealed class StatusFragmentTests
{
    public const string CfkStatus = "flinkapplication-cfk-status-jm-deploying-job-reconciling.yaml";
    public const string ErrorJson = "status-error-json-reconciliation-exception-tm-memory.txt";

    private const string ErrorPrefix = "# Error ";

    [Fact]
    public void The_indented_cfk_fragment_parses_as_one_object_holding_a_status()
    {
        var fragment = RealWorldFile.Open(CfkStatus).YamlObject();

        Assert.Equal(["status"], fragment.Select(p => p.Key));
        Assert.Equal(
            ("CREATED", "Created", ""),
            (Nodes.Text(fragment, "status", "cfkInternalState"), Nodes.Text(fragment, "status", "cmfSync", "status"), Nodes.Text(fragment, "status", "cmfSync", "errorMessage")));
    }

    [Fact]
    public void The_cfk_status_reads_as_deployed_with_a_deploying_jobmanager_and_a_reconciling_job()
    {
        var fragment = RealWorldFile.Open(CfkStatus).YamlObject();
        var fields = new JsonFieldReader();

        var status = FlinkDeploymentStatusReader.Read(fragment, fields);

        Assert.Null(fields.Error);
        Assert.Equal(
            (JobState.Reconciling, LifecycleState.Deployed, JobManagerDeploymentStatus.Deploying, ReconciliationState.Deployed, (long?)null, (string?)null),
            (status.JobStatus?.State, status.LifecycleState, status.JobManagerDeploymentStatus, status.ReconciliationStatus?.State, status.ObservedGeneration, status.Error));
        Assert.Equal(
            ("91267bde25b37a881489d1e390d5a96b", "State machine job", DateTimeOffset.FromUnixTimeMilliseconds(1730970323318)),
            (status.JobStatus!.JobId, status.JobStatus.JobName, status.JobStatus.StartTime));
        Assert.Equal("1.19.1-cp1", status.ClusterInfo["flink-version"]);
    }

    [Fact]
    public void Mid_upgrade_the_reconciled_spec_is_generation_6_and_the_stable_one_generation_2()
    {
        var fields = new JsonFieldReader();
        var reconciliation = FlinkDeploymentStatusReader.Read(RealWorldFile.Open(CfkStatus).YamlObject(), fields).ReconciliationStatus!;

        var reconciled = LastSpecDocument.Read(reconciliation.LastReconciledSpec)!;
        var stable = LastSpecDocument.Read(reconciliation.LastStableSpec)!;

        Assert.Equal((6L, 2L), (reconciled.Generation, stable.Generation));
        Assert.Equal(
            ("2.0", "1.0"),
            (Nodes.At(reconciled.Spec, "jobManager", "resource", "cpu")!.ToJsonString(), Nodes.At(stable.Spec, "jobManager", "resource", "cpu")!.ToJsonString()));
    }

    [Fact]
    public void The_mapper_rejects_the_cfk_fragment_for_its_missing_metadata_without_throwing()
    {
        var rejected = RealWorldMapping.RejectedAsFlinkDeployment(RealWorldFile.Open(CfkStatus).YamlObject());

        Assert.Equal("metadata: missing", rejected.Reason);
        Assert.Equal("", rejected.Application.Name);
    }

    [Fact]
    public void The_error_is_a_reconciliation_exception_with_two_causes()
    {
        var error = Assert.IsType<JsonObject>(JsonNode.Parse(ErrorText()));

        Assert.Equal("org.apache.flink.kubernetes.operator.exception.ReconciliationException", Nodes.Text(error, "type"));
        Assert.Empty(Nodes.Object(error, "additionalMetadata"));
        Assert.Equal(
            ["org.apache.flink.configuration.IllegalConfigurationException", "org.apache.flink.configuration.IllegalConfigurationException"],
            Nodes.Array(error, "throwableList").Select(t => Nodes.Text(t, "type")));
    }

    [Fact]
    public void The_dashboard_leads_with_the_message_naming_the_cause_type_and_lists_both_causes()
    {
        var text = ErrorText();
        var throwables = Nodes.Array(JsonNode.Parse(text), "throwableList");

        var detail = Cmf.Dashboard.Model.OperatorError.Read(text);

        Assert.StartsWith(
            "org.apache.flink.configuration.IllegalConfigurationException: TaskManager memory configuration failed: Sum of configured Framework Heap Memory",
            detail.Summary, StringComparison.Ordinal);
        Assert.Equal(Nodes.Text(JsonNode.Parse(text), "message"), detail.Summary);
        Assert.Equal([Nodes.Text(throwables, "0", "message")!, Nodes.Text(throwables, "1", "message")!], detail.Causes);
        Assert.StartsWith("TaskManager memory configuration failed:", detail.Causes[0], StringComparison.Ordinal);
        Assert.StartsWith("Sum of configured Framework Heap Memory", detail.Causes[1], StringComparison.Ordinal);
        Assert.Equal(text, detail.Raw);
    }

    [Fact]
    public void The_error_reaches_the_observation_exactly_as_written()
    {
        var text = ErrorText();
        var resource = RealWorldFile.Open(SessionAndStableFlinkDeploymentTests.KarmadaStable).YamlObject();
        resource["status"]!["error"] = text;

        var observed = RealWorldMapping.Observe(resource);

        Assert.Equal(text, observed.Resource.Status.Error);
    }

    private static string ErrorText()
    {
        var line = Assert.Single(RealWorldFile.Open(ErrorJson).Header, l => l.StartsWith(ErrorPrefix + "{", StringComparison.Ordinal));
        return line[ErrorPrefix.Length..];
    }
}
