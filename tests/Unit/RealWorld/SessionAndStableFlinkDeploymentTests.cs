using System.Text.Json;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// A session cluster on FKO 1.12.0 (OpenShift) whose job status says FINISHED with no job id, and a stable application
/// committed as test data by Karmada (1.8-era status shape, Flink 1.17.1).
/// </summary>
public sealed class SessionAndStableFlinkDeploymentTests
{
    public const string OpenShiftSession = "flinkdeployment-openshift-session-cluster-jobstatus-finished.yaml";
    public const string KarmadaStable = "flinkdeployment-karmada-testdata-running-stable.yaml";

    [Fact]
    public void The_session_cluster_has_no_job_and_its_status_was_written_through_the_status_subresource()
    {
        var session = RealWorldFile.Open(OpenShiftSession).YamlObject();

        var statusWriter = Nodes.Object(session, "metadata", "managedFields", "3");

        Assert.Null(Nodes.At(session, "spec", "job"));
        Assert.Equal(("fabric8-kubernetes-client", "status"), (Nodes.Text(statusWriter, "manager"), Nodes.Text(statusWriter, "subresource")));
        Assert.Equal(JsonValueKind.Number, Nodes.At(session, "status", "reconciliationStatus", "reconciliationTimestamp")!.GetValueKind());
    }

    [Fact]
    public void The_session_cluster_is_observed_stable_and_ready_with_a_finished_job_and_no_job_id()
    {
        var observed = RealWorldMapping.Observe(RealWorldFile.Open(OpenShiftSession).YamlObject());

        Assert.Equal(
            new OperatorReading(JobState.Finished, LifecycleState.Stable, JobManagerDeploymentStatus.Ready, ReconciliationState.Deployed, 3, null, null),
            OperatorReading.Of(observed.Resource.Status));
        Assert.Equal(
            (new ApplicationKey("flink", "flink-session"), "91339b0a-b52d-47ca-81b1-fd475b2e5712", "143729", 3L),
            (observed.Application, observed.Resource.ObjectUid, observed.Resource.ResourceVersion, observed.Resource.Generation));
        Assert.Equal(("v1_17", null), (observed.Resource.Spec.FlinkVersion, observed.Resource.Spec.UpgradeMode));
        Assert.Equal("222ce4fa-24c1-5659-a9a4-0401d70027c9", InstanceUid.For(observed.Resource.Spec.InstanceAnnotation, observed.Resource.ObjectUid, observed.Resource.Generation));
    }

    [Fact]
    public void The_session_clusters_reconciled_spec_has_a_null_job_and_a_bare_integer_timestamp()
    {
        var status = FlinkDeploymentReader.Read(RealWorldFile.Open(OpenShiftSession).YamlObject()).Value!.Status;

        var lastReconciled = LastSpecDocument.Read(status.ReconciliationStatus!.LastReconciledSpec)!;

        Assert.True(lastReconciled.Spec.ContainsKey("job"));
        Assert.Null(lastReconciled.Spec["job"]);
        Assert.Null(lastReconciled.Generation);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1758725892720), status.ReconciliationStatus.ReconciliationTimestamp);
        Assert.Equal("1.17.2", status.ClusterInfo["flink-version"]);
    }

    [Fact]
    public void The_karmada_object_is_observed_running_and_stable_with_its_job_id()
    {
        var observed = RealWorldMapping.Observe(RealWorldFile.Open(KarmadaStable).YamlObject());

        Assert.Equal(
            new OperatorReading(JobState.Running, LifecycleState.Stable, JobManagerDeploymentStatus.Ready, ReconciliationState.Deployed, 1, null, "44cc5573945d1d4925732d915c70b9ac"),
            OperatorReading.Of(observed.Resource.Status));
        Assert.Equal(
            (new ApplicationKey("test-namespace", "basic-example"), "5053661", 1L, "v1_17", "stateless"),
            (observed.Application, observed.Resource.ResourceVersion, observed.Resource.Generation, observed.Resource.Spec.FlinkVersion, observed.Resource.Spec.UpgradeMode));
        Assert.Equal("059da650-a0fe-5c4c-8433-de1ef43ccc40", InstanceUid.For(observed.Resource.Spec.InstanceAnnotation, observed.Resource.ObjectUid, observed.Resource.Generation));
    }

    [Fact]
    public void The_karmada_objects_stable_spec_is_its_reconciled_spec_and_names_generation_2_of_a_generation_1_object()
    {
        var karmada = RealWorldFile.Open(KarmadaStable).YamlObject();
        var observed = RealWorldMapping.Observe(karmada);

        var reconciled = Nodes.Text(karmada, "status", "reconciliationStatus", "lastReconciledSpec");

        Assert.Equal(reconciled, Nodes.Text(karmada, "status", "reconciliationStatus", "lastStableSpec"));
        Assert.Equal(2, LastSpecDocument.Read(reconciled)!.Generation);
        Assert.Equal((2L, 1L), (LastSpecDocument.Read(reconciled)!.Generation, observed.Resource.Generation));
    }

    [Fact]
    public void The_operators_dump_of_a_spec_hashes_apart_from_the_spec_as_written()
    {
        // The dump writes cpu 1.0 where the spec says 1 and numbers keep their spelling (DESIGN rule 2: never match it by hash).
        var karmada = RealWorldFile.Open(KarmadaStable).YamlObject();
        var observed = RealWorldMapping.Observe(karmada);
        var stable = LastSpecDocument.Read(Nodes.Text(karmada, "status", "reconciliationStatus", "lastStableSpec"))!;

        Assert.Equal(("1.0", "1"), (Nodes.At(stable.Spec, "jobManager", "resource", "cpu")!.ToJsonString(), Nodes.At(karmada, "spec", "jobManager", "resource", "cpu")!.ToJsonString()));
        Assert.NotEqual(observed.Resource.Spec.SpecHash, SpecVersionFactory.Create(stable.Spec).SpecHash);
    }
}
