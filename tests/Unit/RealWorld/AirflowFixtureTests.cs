using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// The fixtures of Airflow's FlinkKubernetesSensor: FlinkDeployments captured from a real cluster in September 2022
/// (FKO 1.1/1.2, Flink 1.15) and pasted as Python dicts. Three are one object, flink-stream-example, coming up; the
/// fourth is another object, flink-sm-ex1, while a suspend is applied. Operators of that era wrote no lifecycleState
/// and no observedGeneration.
/// </summary>
public sealed class AirflowFixtureTests
{
    public const string Deploying = "flinkdeployment-airflow-fixture-jm-deploying.py";
    public const string DeployedNotReady = "flinkdeployment-airflow-fixture-jm-deployed-not-ready.py";
    public const string ReadyJobCreated = "flinkdeployment-airflow-fixture-jm-ready-job-created.py";
    public const string MissingUpgradingSuspend = "flinkdeployment-airflow-fixture-jm-missing-upgrading-suspend.py";

    private const string StreamExampleUid = "925eb6a0-f336-40e9-a08e-880481c73729";

    [Theory]
    [InlineData(Deploying, "TEST_DEPLOYING_CLUSTER")]
    [InlineData(DeployedNotReady, "TEST_DEPLOYED_NOT_READY_CLUSTER")]
    [InlineData(ReadyJobCreated, "TEST_READY_CLUSTER")]
    [InlineData(MissingUpgradingSuspend, "TEST_MISSING_CLUSTER")]
    public void Each_fixture_is_one_python_dict_holding_a_flink_deployment(string file, string constant)
    {
        var (name, value) = PythonLiteral.ParseAssignment(RealWorldFile.Open(file).Text);

        Assert.Equal(constant, name);
        Assert.Equal(("flink.apache.org/v1beta1", "FlinkDeployment"), (Nodes.Text(value, "apiVersion"), Nodes.Text(value, "kind")));
    }

    [Theory]
    [InlineData(Deploying, "140043", JobState.Reconciling, JobManagerDeploymentStatus.Deploying, ReconciliationState.Deployed, null)]
    [InlineData(DeployedNotReady, "140061", JobState.Reconciling, JobManagerDeploymentStatus.DeployedNotReady, ReconciliationState.Deployed, null)]
    [InlineData(ReadyJobCreated, "140076", JobState.Created, JobManagerDeploymentStatus.Ready, ReconciliationState.Deployed, "5d6feb14e05a3b00cbc55c2c8331fb7f")]
    public void The_stream_example_is_observed_as_the_operator_wrote_it_at_each_step(
        string file, string resourceVersion, JobState job, JobManagerDeploymentStatus jobManager, ReconciliationState reconciliation, string? jobId)
    {
        var observed = RealWorldMapping.Observe(RealWorldFile.Open(file).PythonDict());

        Assert.Equal(new OperatorReading(job, null, jobManager, reconciliation, null, null, jobId), OperatorReading.Of(observed.Resource.Status));
        Assert.Equal(
            ("default", "flink-stream-example", StreamExampleUid, resourceVersion, 2L),
            (observed.Namespace, observed.Application.Name, observed.Resource.ObjectUid, observed.Resource.ResourceVersion, observed.Resource.Generation));
        Assert.Equal(new DateTimeOffset(2022, 9, 25, 16, 47, 16, TimeSpan.Zero), observed.Resource.CreationTimestamp);
        Assert.Equal(("v1_15", "stateless"), (observed.Resource.Spec.FlinkVersion, observed.Resource.Spec.UpgradeMode));
    }

    [Fact]
    public void The_three_stream_example_steps_are_one_instance_of_one_generation()
    {
        var observed = new[] { Deploying, DeployedNotReady, ReadyJobCreated }
            .Select(file => RealWorldMapping.Observe(RealWorldFile.Open(file).PythonDict()).Resource)
            .ToList();

        // Independently computed: Python uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "platform.confluent.io/cmf-fa-instance"), "<uid>/2").
        Assert.All(observed, o => Assert.Equal("bd2f71dd-d890-518e-87ff-003857d08829", InstanceUid.For(o.Spec.InstanceAnnotation, o.ObjectUid, o.Generation)));
        Assert.Single(observed.Select(o => o.Spec.SpecHash).Distinct());
    }

    [Fact]
    public void The_deploying_fixture_writes_an_empty_error_and_an_empty_cluster_info()
    {
        var fixture = RealWorldFile.Open(Deploying).PythonDict();

        Assert.Equal("", Nodes.Text(fixture, "status", "error"));
        Assert.Empty(Nodes.Object(fixture, "status", "clusterInfo"));
        Assert.Null(Nodes.At(fixture, "status", "lifecycleState"));
        Assert.Null(Nodes.At(fixture, "status", "observedGeneration"));
        Assert.Equal("UNKNOWN", Nodes.Text(fixture, "status", "jobStatus", "savepointInfo", "triggerType"));
    }

    [Fact]
    public void An_empty_error_reads_as_no_error_and_an_empty_cluster_info_as_no_cluster_info()
    {
        var read = FlinkDeploymentReader.Read(RealWorldFile.Open(Deploying).PythonDict());

        Assert.True(read.IsValid, read.Error);
        Assert.Null(read.Value.Status.Error);
        Assert.Empty(read.Value.Status.ClusterInfo);
    }

    [Fact]
    public void The_last_reconciled_spec_of_the_1_1_era_carries_generation_2_and_no_stable_spec_exists_yet()
    {
        var status = FlinkDeploymentReader.Read(RealWorldFile.Open(Deploying).PythonDict()).Value!.Status.ReconciliationStatus!;
        var lastReconciled = LastSpecDocument.Read(status.LastReconciledSpec);

        Assert.Equal(2, lastReconciled?.Generation);
        Assert.Equal(("running", "stateless"), (Nodes.Text(lastReconciled!.Spec, "job", "state"), Nodes.Text(lastReconciled.Spec, "job", "upgradeMode")));
        Assert.Null(status.LastStableSpec);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1664124436834), status.ReconciliationTimestamp);
    }

    [Fact]
    public void The_ready_fixture_has_a_job_id_start_and_update_times_and_the_flink_version_in_cluster_info()
    {
        var status = FlinkDeploymentReader.Read(RealWorldFile.Open(ReadyJobCreated).PythonDict()).Value!.Status;

        Assert.Equal(
            new FlinkJobStatus
            {
                JobName = "State machine job",
                JobId = "5d6feb14e05a3b00cbc55c2c8331fb7f",
                State = JobState.Created,
                StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1664124442817),
                UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(1664124454261),
            },
            status.JobStatus);
        Assert.Equal(
            [("flink-revision", "f494be6 @ 2022-06-20T14:40:28 02:00"), ("flink-version", "1.15.1")],
            status.ClusterInfo.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => (i.Key, i.Value)));
        Assert.Null(status.Error);
    }

    [Fact]
    public void The_suspend_fixture_writes_a_job_status_without_a_state()
    {
        var fixture = RealWorldFile.Open(MissingUpgradingSuspend).PythonDict();

        Assert.Equal(["savepointInfo"], Nodes.Object(fixture, "status", "jobStatus").Select(p => p.Key));
        Assert.Equal(
            ("", 0),
            (Nodes.Text(fixture, "status", "taskManager", "labelSelector"), Nodes.At(fixture, "status", "taskManager", "replicas")!.GetValue<int>()));
    }

    [Fact]
    public void The_suspend_fixture_is_observed_as_upgrading_with_the_jobmanager_missing_and_no_job_state()
    {
        var observed = RealWorldMapping.Observe(RealWorldFile.Open(MissingUpgradingSuspend).PythonDict());

        Assert.Equal(
            new OperatorReading(null, null, JobManagerDeploymentStatus.Missing, ReconciliationState.Upgrading, null, null, null),
            OperatorReading.Of(observed.Resource.Status));
        Assert.Equal(
            ("flink-sm-ex1", "6ccd47cf-c763-496e-b02e-28146b628646", "145575", 2L),
            (observed.Application.Name, observed.Resource.ObjectUid, observed.Resource.ResourceVersion, observed.Resource.Generation));
        Assert.Equal("9bcd04c8-1b3c-5ea3-9dcb-31385cdcb792", InstanceUid.For(observed.Resource.Spec.InstanceAnnotation, observed.Resource.ObjectUid, observed.Resource.Generation));
    }

    [Fact]
    public void While_suspending_the_last_reconciled_spec_says_suspended_and_the_spec_still_says_running()
    {
        var fixture = RealWorldFile.Open(MissingUpgradingSuspend).PythonDict();
        var status = FlinkDeploymentReader.Read(fixture).Value!.Status;

        var lastReconciled = LastSpecDocument.Read(status.ReconciliationStatus!.LastReconciledSpec)!;

        Assert.Equal("suspended", Nodes.Text(lastReconciled.Spec, "job", "state"));
        Assert.Equal("running", Nodes.Text(fixture, "spec", "job", "state"));
        Assert.Equal(2, lastReconciled.Generation);
    }

    [Fact]
    public void Python_and_json_escapes_give_the_same_log_configuration_in_the_spec_and_the_last_reconciled_spec()
    {
        var fixture = RealWorldFile.Open(MissingUpgradingSuspend).PythonDict();
        var lastReconciled = LastSpecDocument.Read(Nodes.Text(fixture, "status", "reconciliationStatus", "lastReconciledSpec"))!;

        var inSpec = Nodes.Text(fixture, "spec", "logConfiguration", "log4j-console.properties");

        Assert.Equal("rootLogger.level = DEBUG\n", inSpec);
        Assert.Equal(inSpec, Nodes.Text(lastReconciled.Spec, "logConfiguration", "log4j-console.properties"));
    }

    [Fact]
    public void Python_numbers_reach_the_reader_as_json_numbers()
    {
        var fixture = RealWorldFile.Open(ReadyJobCreated).PythonDict();

        var timestamp = Nodes.At(fixture, "status", "reconciliationStatus", "reconciliationTimestamp")!;

        Assert.Equal((JsonValueKind.Number, "1664124436834"), (timestamp.GetValueKind(), timestamp.ToJsonString()));
        Assert.Equal(JsonValueKind.Number, Nodes.At(fixture, "spec", "job", "parallelism")!.GetValueKind());
    }
}
