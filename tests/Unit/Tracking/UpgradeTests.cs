using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>Upgrade modes, rollback and suspend/resume as the operator plays them (DESIGN 3.4).</summary>
public sealed class UpgradeTests
{
    private static readonly ScenarioStep[] Running =
    [
        new("application created", s => s.Spec("v1"),
            Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)"),
        new("D1 appears", s => s.DeploymentAdded("C1", generation: 1),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
        new("job running", s => s.Status(StatusChanges.Running(observedGeneration: 1)),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING", Events: "LifecycleChanged(STABLE) JobStateChanged(#1,RUNNING)"),
    ];

    [Fact]
    public void Stateless_upgrade_cancels_the_job_then_replaces_the_cluster()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. Running,
            new("spec changed, upgradeMode stateless", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "InstanceCreated(#2)"),
            new("job cancelled for the upgrade", s => s.Status(st => st with { JobState = JobState.Canceled, ReconciliationState = ReconciliationState.Upgrading, LifecycleState = LifecycleState.Upgrading, ObservedGeneration = 2 }),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=CANCELED #2=-", Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,CANCELED)"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=CANCELED #2=-", Events: "ClusterEnded(#1,C1)"),
            new("D2 created", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=CANCELED #2=-", Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("new job running", s => s.Status(StatusChanges.Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=CANCELED #2=RUNNING", Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)"),
        ]);
    }

    [Fact]
    public void Last_state_upgrade_reports_on_the_new_instance_once_the_old_cluster_is_gone()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. Running,
            new("spec changed, upgradeMode last-state", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "InstanceCreated(#2)"),
            new("D1 deleted, HA data kept", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=-", Events: "ClusterEnded(#1,C1)"),
            new("job reconciling for generation 2 with no cluster live", s => s.Status(Reconciling(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=RECONCILING", Events: "LifecycleChanged(DEPLOYED) JobStateChanged(#2,RECONCILING)"),
            new("D2 created", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=RUNNING #2=RECONCILING", Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("same job id running again", s => s.Status(StatusChanges.Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=RUNNING #2=RUNNING", Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)"),
        ]);
    }

    [Fact]
    public void Rollback_cluster_belongs_to_the_instance_of_the_last_stable_spec()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. Running,
            new("spec changed to a broken version", s => s.Spec("broken"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "InstanceCreated(#2)"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=-", Events: "ClusterEnded(#1,C1)"),
            new("D2 created for generation 2", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=RUNNING #2=-", Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("operator starts rolling back to the last stable spec", s => s.Status(st => st with
                {
                    JobState = JobState.Failing, LifecycleState = LifecycleState.RollingBack, ReconciliationState = ReconciliationState.RollingBack,
                    ObservedGeneration = 2, LastStableSpecHash = TrackerScenario.HashOf("v1"),
                }),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=RUNNING #2=FAILING", Events: "LifecycleChanged(ROLLING_BACK) JobStateChanged(#2,FAILING)"),
            new("D2 deleted", s => s.DeploymentDeleted("C2"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2 ended", Current: "-", JobStates: "#1=RUNNING #2=FAILING", Events: "ClusterEnded(#2,C2)"),
            new("D3 created running lastStableSpec", s => s.DeploymentAdded("C3", generation: 2),
                Instances: "#1 #2", Clusters: "C1:#1 ended C2:#2 ended C3:#1", Current: "#1", JobStates: "#1=RUNNING #2=FAILING", Events: "ClusterStarted(#1,C3) CurrentInstanceChanged(#1)"),
            new("rolled back and running", s => s.Status(st => st with { JobState = JobState.Running, LifecycleState = LifecycleState.RolledBack, ReconciliationState = ReconciliationState.RolledBack }),
                Instances: "#1 #2", Clusters: "C1:#1 ended C2:#2 ended C3:#1", Current: "#1", JobStates: "#1=RUNNING #2=FAILING", Events: "LifecycleChanged(ROLLED_BACK)"),
        ]);
    }

    [Fact]
    public void Rollback_falls_back_to_the_generation_in_last_stable_spec_when_hashes_differ()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, Running);
        scenario.Spec("broken");
        scenario.DeploymentDeleted("C1");
        scenario.Status(st => st with { ReconciliationState = ReconciliationState.RollingBack, LastStableSpecHash = "operator-serialised-differently", LastStableGeneration = 1 });

        scenario.DeploymentAdded("C2", generation: 2);

        Assert.Equal("C1:#1 ended C2:#1", scenario.Clusters);
        Assert.Equal(ClusterOwnerSource.Rollback, scenario.State.Clusters[^1].OwnerSource);
    }

    [Fact]
    public void Suspend_leaves_an_instance_without_a_cluster_and_resume_starts_a_new_one()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. Running,
            new("job.state set to suspended (generation 2)", s => s.Spec("v1-suspended"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "InstanceCreated(#2)"),
            new("savepoint taken", s => s.Status(StoppedWithSavepoint(observedGeneration: 2)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=FINISHED(upgrade) #2=-", Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,FINISHED)"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=-", Events: "ClusterEnded(#1,C1)"),
            new("suspended", s => s.Status(st => st with { JobState = JobState.Suspended, LifecycleState = LifecycleState.Suspended, ReconciliationState = ReconciliationState.Deployed, JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing }),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=SUSPENDED", Events: "LifecycleChanged(SUSPENDED) JobStateChanged(#2,SUSPENDED)"),
            new("job.state set back to running (generation 3)", s => s.Spec("v1"),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=SUSPENDED #3=-", Events: "InstanceCreated(#3)"),
            new("D2 created for generation 3", s => s.DeploymentAdded("C2", generation: 3),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended C2:#3", Current: "#3", JobStates: "#1=FINISHED(upgrade) #2=SUSPENDED #3=-", Events: "ClusterStarted(#3,C2) CurrentInstanceChanged(#3)"),
            new("resumed job running", s => s.Status(StatusChanges.Running(observedGeneration: 3)),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended C2:#3", Current: "#3", JobStates: "#1=FINISHED(upgrade) #2=SUSPENDED #3=RUNNING", Events: "LifecycleChanged(STABLE) JobStateChanged(#3,RUNNING)"),
        ]);
    }

    [Fact]
    public void Generation_bump_that_leaves_the_effective_spec_unchanged_creates_no_instance()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, Running);

        var result = scenario.Spec("v1");

        Assert.Equal("#1", scenario.Instances);
        Assert.DoesNotContain(result.Events, e => e.Kind == AppEventKind.InstanceCreated);
        Assert.Equal(2, scenario.State.Generation);
    }
}
