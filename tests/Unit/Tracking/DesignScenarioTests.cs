using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>DESIGN 3.3, the scenario every build must get right, walked step by step.</summary>
public sealed class DesignScenarioTests
{
    private static ScenarioStep[] DeployedAndRunning =>
    [
        new("application created (generation 1)", s => s.Spec("v1"),
            Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-",
            Events: "InstanceCreated(#1)"),
        new("JobManager Deployment D1 appears", s => s.DeploymentAdded("C1", generation: 1),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-",
            Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
        new("job running, lifecycle stable", s => s.Status(Running(observedGeneration: 1)),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING",
            Events: "LifecycleChanged(STABLE) JobStateChanged(#1,RUNNING)"),
    ];

    [Fact]
    public void Savepoint_upgrade_overlaps_the_old_and_new_instance_until_the_old_cluster_goes()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed with upgradeMode savepoint (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)"),
            new("stop with savepoint while upgrading", s => s.Status(StoppedWithSavepoint(observedGeneration: 2)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=FINISHED(upgrade) #2=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,FINISHED)"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("operator reports the JobManager missing", s => s.Status(st => st with { JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing }),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=-",
                Events: ""),
            new("D2 created with generation 2", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(upgrade) #2=-",
                Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("job reconciling then running on the new cluster", s => s.Status(Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(upgrade) #2=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)"),
        ]);
    }

    [Fact]
    public void Failing_savepoint_keeps_the_old_instance_current_and_a_revert_creates_a_new_instance()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)"),
            new("savepoint fails: error set, C1 keeps running", s => s.Status(SavepointFailed(observedGeneration: 1)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "ErrorSet"),
            new("the retry fails again: nothing new", s => s.Status(st => st with { Error = SavepointError }),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: ""),
            new("spec reverted (generation 3, same spec as 1)", s => s.Spec("v1"),
                Instances: "#1 #2 ended #3", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=-",
                Events: "InstanceCreated(#3)"),
            new("operator accepts the revert and clears the error", s => s.Status(Running(observedGeneration: 3)),
                Instances: "#1 #2 ended #3", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=-",
                Events: "ErrorCleared"),
            new("later change (generation 4)", s => s.Spec("v4"),
                Instances: "#1 #2 ended #3 ended #4", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=- #4=-",
                Events: "InstanceCreated(#4)"),
            new("C1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=- #3=- #4=-",
                Events: "ClusterEnded(#1,C1)"),
            new("C3 created with generation 4", s => s.DeploymentAdded("C3", generation: 4),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended C3:#4", Current: "#4", JobStates: "#1=RUNNING #2=- #3=- #4=-",
                Events: "ClusterStarted(#4,C3) CurrentInstanceChanged(#4)"),
        ]);
    }

    [Fact]
    public void Error_of_a_blocked_upgrade_is_recorded_on_the_current_instance()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v2");

        scenario.Status(SavepointFailed(observedGeneration: 1));

        Assert.Equal(SavepointError, scenario.State.Instances[0].Error);
        Assert.Null(scenario.State.Instances[1].Error);
        Assert.Equal(SavepointError, scenario.State.Status.Error);
    }

    [Theory]
    [InlineData(JobState.Finished, "FINISHED")]
    [InlineData(JobState.Failed, "FAILED")]
    public void Finite_job_keeps_its_final_state_after_later_changes(JobState final, string wire)
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new($"batch job reaches {wire}", s => s.Status(st => st with { JobState = final }),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: $"#1={wire}",
                Events: $"JobStateChanged(#1,{wire})"),
            new("spec changed (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: $"#1={wire} #2=-",
                Events: "InstanceCreated(#2)"),
            new("old cluster removed", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: $"#1={wire} #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("new cluster for generation 2", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: $"#1={wire} #2=-",
                Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("the new job runs", s => s.Status(Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: $"#1={wire} #2=RUNNING",
                Events: "JobStateChanged(#2,RUNNING)"),
        ]);
    }
}
