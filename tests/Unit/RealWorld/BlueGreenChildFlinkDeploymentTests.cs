using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// <c>kubectl get flinkdeployment -o yaml</c> on FKO 1.15.0 (Flink 2.2.1): a List holding the blue child of a
/// FlinkBlueGreenDeployment, running and stable, with FKO 1.15's <c>conditions</c>.
/// </summary>
public sealed class BlueGreenChildFlinkDeploymentTests
{
    public const string File = "flinkdeployment-bluegreen-child-blue-running-stable-conditions.yaml";

    private static Cmf.Core.Tracking.FlinkDeploymentObserved Observed => RealWorldMapping.Observe(Child());

    [Fact]
    public void The_file_is_a_list_of_one_flink_deployment()
    {
        var child = Child();

        Assert.Equal(("FlinkDeployment", "p03-vehicle-alert-bg-blue", "flink"), (Nodes.Text(child, "kind"), Nodes.Text(child, "metadata", "name"), Nodes.Text(child, "metadata", "namespace")));
        Assert.Equal("BLUE", Nodes.Text(child, "metadata", "labels", "flink/blue-green-deployment-type"));
    }

    [Fact]
    public void The_child_is_owned_by_its_blue_green_deployment_without_being_controlled_by_it()
    {
        var owner = Nodes.Object(Child(), "metadata", "ownerReferences", "0");

        Assert.Equal(
            ("FlinkBlueGreenDeployment", "p03-vehicle-alert-bg", "7f19b8ab-0420-4706-8379-0be9b27126f1", false, true),
            (Nodes.Text(owner, "kind"), Nodes.Text(owner, "name"), Nodes.Text(owner, "uid"),
                owner["controller"]!.GetValue<bool>(), owner["blockOwnerDeletion"]!.GetValue<bool>()));
    }

    [Fact]
    public void The_status_shows_a_running_condition_and_the_state_size()
    {
        var child = Child();

        var condition = Nodes.Object(child, "status", "conditions", "0");

        Assert.Equal(
            ("Running", "True", "Running", "Job status RUNNING"),
            (Nodes.Text(condition, "type"), Nodes.Text(condition, "status"), Nodes.Text(condition, "reason"), Nodes.Text(condition, "message")));
        Assert.Equal("140770", FlinkDeploymentReader.Read(child).Value!.Status.ClusterInfo["state-size"]);
    }

    [Fact]
    public void The_child_is_observed_running_and_stable_on_a_ready_jobmanager()
    {
        var observed = Observed;

        Assert.Equal(
            new OperatorReading(JobState.Running, LifecycleState.Stable, JobManagerDeploymentStatus.Ready, ReconciliationState.Deployed, 1, null, "66f2185fc8ba08be40e161adeec74c37"),
            OperatorReading.Of(observed.Resource.Status));
        Assert.Equal("p03-vehicle-alert", observed.Resource.Status.JobName);
        Assert.Equal(
            (new ApplicationKey("flink", "p03-vehicle-alert-bg-blue"), "ef61eb4c-ede6-4a6b-a019-6d68f7cd48f3", "2654", 1L),
            (observed.Application, observed.Resource.ObjectUid, observed.Resource.ResourceVersion, observed.Resource.Generation));
    }

    [Fact]
    public void The_spec_gives_flink_2_2_with_savepoint_upgrades_and_the_instance_uid_of_generation_1()
    {
        var resource = Observed.Resource;

        Assert.Equal(("v2_2", "savepoint"), (resource.Spec.FlinkVersion, resource.Spec.UpgradeMode));
        Assert.Null(resource.Spec.InstanceAnnotation);
        // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "platform.confluent.io/cmf-fa-instance"), "ef61eb4c-.../1").
        Assert.Equal("5e5fc754-9ca8-594b-9755-742ae8cd44ae", InstanceUid.For(resource.Spec.InstanceAnnotation, resource.ObjectUid, resource.Generation));
    }

    [Fact]
    public void The_last_reconciled_spec_says_stateless_although_the_spec_says_savepoint()
    {
        var status = FlinkDeploymentReader.Read(Child()).Value!.Status.ReconciliationStatus!;

        var lastReconciled = LastSpecDocument.Read(status.LastReconciledSpec)!;
        var lastStable = LastSpecDocument.Read(status.LastStableSpec)!;

        Assert.Equal("stateless", Nodes.Text(lastReconciled.Spec, "job", "upgradeMode"));
        Assert.Equal("stateless", Nodes.Text(lastStable.Spec, "job", "upgradeMode"));
        Assert.Equal("savepoint", Nodes.Text(Child(), "spec", "job", "upgradeMode"));
        Assert.Equal((null, null), (lastReconciled.Generation, lastStable.Generation));
    }

    [Fact]
    public void The_last_stable_spec_hashes_apart_from_the_spec_since_it_is_the_operators_dump_of_another_spec()
    {
        // Why DESIGN 3.2 rule 2 never identifies a rollback target by hashing lastStableSpec.
        var lastStable = LastSpecDocument.Read(Nodes.Text(Child(), "status", "reconciliationStatus", "lastStableSpec"))!;

        Assert.NotEqual(Observed.Resource.Spec.SpecHash, SpecVersionFactory.Create(lastStable.Spec).SpecHash);
        Assert.Null(lastStable.Generation);
    }

    [Fact]
    public void The_lab_password_in_the_configuration_and_in_the_job_arguments_is_fingerprinted_in_the_stored_spec()
    {
        var spec = Observed.Resource.Spec;

        Assert.Contains("flinklab123", Child().ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("flinklab123", spec.EffectiveSpecJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_wrapper_itself_is_rejected_by_kind_without_throwing()
    {
        var list = RealWorldFile.Open(File).YamlObject();

        var rejected = RealWorldMapping.RejectedAsFlinkDeployment(list);
        var fromWatch = Assert.IsType<ResourceRejected>(RealWorldMapping.MapWatchEvent(list));

        Assert.Equal("kind: expected FlinkDeployment, found \"List\"", rejected.Reason);
        Assert.Equal("kind: expected FlinkDeployment, Deployment or Pod, found \"List\"", fromWatch.Reason);
    }

    private static System.Text.Json.Nodes.JsonObject Child() => RealWorldMapping.SingleItemOf(RealWorldFile.Open(File).YamlObject());
}
