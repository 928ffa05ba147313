using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// DESIGN 3.3 scenarios 1-10, walked status write by status write as the Flink Kubernetes Operator makes them
/// (docs/operator-conformance.md): the instances, clusters with their hand-overs, current and pending instance,
/// each instance's job state and job id, and the events after every step.
/// </summary>
public sealed class DesignScenarioTests
{
    /// <summary>Scenario 1: created (generation 1), first deployment on C1, running.</summary>
    internal static ScenarioStep[] DeployedAndRunning =>
    [
        new("application created (generation 1)", s => s.Spec("v1"),
            Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)",
            Pending: "#1", JobIds: "#1=-"),
        new("operator records the spec and the job id before it deploys", s => s.Status(st => st with
            {
                ReconciliationState = ReconciliationState.Upgrading, LifecycleState = LifecycleState.Upgrading,
                JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing, ObservedGeneration = 1, JobId = FirstJobId,
            }),
            Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "LifecycleChanged(UPGRADING)",
            Pending: "-", JobIds: "#1=J1"),
        new("JobManager Deployment D1 appears", s => s.DeploymentAdded("C1", generation: 1),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-",
            Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)", Pending: "-"),
        new("job submitted", s => s.Status(Submitted(observedGeneration: 1)),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RECONCILING",
            Events: "LifecycleChanged(DEPLOYED) JobStateChanged(#1,RECONCILING)"),
        new("job running, lifecycle stable", s => s.Status(Running(observedGeneration: 1)),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING",
            Events: "LifecycleChanged(STABLE) JobStateChanged(#1,RUNNING)", Pending: "-", JobIds: "#1=J1"),
    ];

    [Fact]
    public void Scenario_2_savepoint_upgrade_overlaps_the_instances_until_the_old_cluster_goes()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed with upgradeMode savepoint (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("job stopped with a savepoint, JobManager still up, UPGRADING", s => s.Status(StoppedWithSavepoint(observedGeneration: 2)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,FINISHED)", Pending: "-"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("JobManager reported missing", s => s.Status(ClusterDeleted()),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: ""),
            new("the new job id is written while the old job still reads FINISHED", s => s.Status(NewJobId("J2")),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: "", JobIds: "#1=J1 #2=-"),
            new("D2 created with generation 2", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("new job submitted", s => s.Status(Submitted(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "LifecycleChanged(DEPLOYED) JobStateChanged(#2,RECONCILING)", JobIds: "#1=J1 #2=J2"),
            new("new job running", s => s.Status(Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(savepoint upgrade) #2=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)", Pending: "-", JobIds: "#1=J1 #2=J2"),
        ]);
    }

    [Fact]
    public void Scenarios_3_to_5_blocked_upgrade_revert_and_a_later_migration()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("savepoint fails: error set, C1 keeps running", s => s.Status(SavepointFailed(observedGeneration: 1)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "ErrorSet(#2)", Pending: "#2"),
            new("next pass: the observer clears the error", s => s.Status(ErrorCleared()),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "", Pending: "#2"),
            new("the retry fails again: the same episode, counted", s => s.Status(SavepointFailed(observedGeneration: 1)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "ErrorSet(#2,x2)", Pending: "#2"),
            new("spec reverted (generation 3, same spec as 1)", s => s.Spec("v1"),
                Instances: "#1 #2 ended #3", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=-",
                Events: "InstanceCreated(#3)", Pending: "#3"),
            new("the observer clears the error: the episode is over", s => s.Status(ErrorCleared()),
                Instances: "#1 #2 ended #3", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=-",
                Events: "ErrorCleared(#2)", Pending: "#3"),
            new("the operator reconciles the revert with nothing to do", s => s.Status(ReconciledInPlace(observedGeneration: 3)),
                Instances: "#1 #2 ended #3", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=-",
                Events: "", Pending: "-"),
            new("later change (generation 4)", s => s.Spec("v4"),
                Instances: "#1 #2 ended #3 ended #4", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=- #3=- #4=-",
                Events: "InstanceCreated(#4)", Pending: "#4"),
            new("stateless upgrade: C1 deleted first", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=- #3=- #4=-",
                Events: "ClusterEnded(#1,C1)"),
            new("then FINISHED and UPGRADING for generation 4", s => s.Status(StoppedAndDeleted(observedGeneration: 4)),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=- #3=- #4=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,FINISHED)", Pending: "-"),
            new("the new job id", s => s.Status(NewJobId("J2")),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=- #3=- #4=-",
                Events: "", JobIds: "#1=J1 #2=- #3=- #4=-"),
            new("C3 created with generation 4", s => s.DeploymentAdded("C3", generation: 4),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended C3:#4", Current: "#4", JobStates: "#1=FINISHED(upgrade) #2=- #3=- #4=-",
                Events: "ClusterStarted(#4,C3) CurrentInstanceChanged(#4)"),
            new("submitted and running", s => s.Status(Submitted(observedGeneration: 4).Then(Running(observedGeneration: 4))),
                Instances: "#1 ended #2 ended #3 ended #4", Clusters: "C1:#1 ended C3:#4", Current: "#4", JobStates: "#1=FINISHED(upgrade) #2=- #3=- #4=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#4,RUNNING)", Pending: "-", JobIds: "#1=J1 #2=- #3=- #4=J2"),
        ]);
    }

    [Fact]
    public void Scenario_3_instance_never_deployed_and_revert_are_told_apart()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(SavepointFailed(observedGeneration: 1));
        scenario.Spec("v1");
        scenario.Status(ErrorCleared().Then(ReconciledInPlace(observedGeneration: 3)));

        Assert.Null(scenario.State.Instances[1].ReconciledAt);
        Assert.NotNull(scenario.State.Instances[1].EndedAt);
        Assert.NotNull(scenario.State.Instances[2].ReconciledAt);
        Assert.Null(scenario.State.ErrorEpisode);
    }

    [Fact]
    public void Scenario_3_a_blocked_upgrade_retried_200_times_is_one_error_episode()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v2");
        var events = new List<AppEvent>();

        for (var retry = 0; retry < 200; retry++)
        {
            events.AddRange(scenario.Status(SavepointFailed(observedGeneration: 1)).Events);
            events.AddRange(scenario.Status(ErrorCleared()).Events);
        }

        var errorEvents = events.Where(e => e.Kind is AppEventKind.ErrorSet or AppEventKind.ErrorCleared).ToList();
        Assert.All(errorEvents, e => Assert.Equal(AppEventKind.ErrorSet, e.Kind));
        Assert.Single(errorEvents.Select(e => e.Key).Distinct());
        Assert.Equal(200, errorEvents[^1].Count);
        Assert.Equal(200, scenario.State.ErrorEpisode?.Count);
        Assert.Equal("#2", scenario.Pending);
    }

    [Fact]
    public void Scenario_3_the_error_of_a_blocked_upgrade_is_shown_on_the_current_instance()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v2");

        scenario.Status(SavepointFailed(observedGeneration: 1));

        Assert.Equal(SavepointError, scenario.State.Instances[0].Error);
        Assert.Null(scenario.State.Instances[1].Error);
        Assert.Equal(SavepointError, scenario.State.Status.Reported.Error);
        Assert.Equal(scenario.InstanceUidOf(2), scenario.State.ErrorEpisode?.PendingInstanceUid);
    }

    [Theory]
    [InlineData(JobState.Finished, "FINISHED")]
    [InlineData(JobState.Failed, "FAILED")]
    public void Scenario_6_finite_job_keeps_its_final_state_after_later_changes(JobState final, string wire)
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new($"batch job reaches {wire}", s => s.Status(st => st with { JobState = final }),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: $"#1={wire}",
                Events: $"JobStateChanged(#1,{wire})"),
            new("spec changed (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: $"#1={wire} #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("the operator's NOOP cancel writes FINISHED while UPGRADING", s => s.Status(st => st with
                {
                    JobState = JobState.Finished, ReconciliationState = ReconciliationState.Upgrading,
                    LifecycleState = LifecycleState.Upgrading, ObservedGeneration = 2,
                }),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: $"#1={wire} #2=-",
                Events: "LifecycleChanged(UPGRADING)", Pending: "-"),
            new("old cluster removed", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: $"#1={wire} #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("the new job id", s => s.Status(ClusterDeleted().Then(NewJobId("J2"))),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: $"#1={wire} #2=-",
                Events: "", JobIds: "#1=J1 #2=-"),
            new("new cluster for generation 2", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: $"#1={wire} #2=-",
                Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
            new("the new job runs", s => s.Status(Running(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: $"#1={wire} #2=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)", JobIds: "#1=J1 #2=J2"),
        ]);
    }

    [Fact]
    public void Scenario_7_savepoint_suspend_keeps_the_cluster_until_its_ttl_and_resume_starts_a_new_one()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("job.state suspended (generation 2)", s => s.Spec("v1-suspended"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("stopped with a savepoint; the JobManager stays", s => s.Status(SuspendedWithSavepoint(observedGeneration: 2)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=FINISHED(savepoint suspend) #2=-",
                Events: "LifecycleChanged(SUSPENDED) JobStateChanged(#1,FINISHED)", Pending: "-"),
            new("another pass while suspended changes nothing", s => s.Status(st => st with { }),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=FINISHED(savepoint suspend) #2=-",
                Events: "", Pending: "-"),
            new("the shutdown TTL passes: D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint suspend) #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("JobManager reported missing", s => s.Status(ClusterDeleted()),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint suspend) #2=-",
                Events: ""),
            new("resumed: job.state running (generation 3)", s => s.Spec("v1"),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint suspend) #2=- #3=-",
                Events: "InstanceCreated(#3)", Pending: "#3"),
            new("UPGRADING for generation 3, the old job still FINISHED", s => s.Status(st => st with
                {
                    ReconciliationState = ReconciliationState.Upgrading, LifecycleState = LifecycleState.Upgrading, ObservedGeneration = 3,
                }),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint suspend) #2=- #3=-",
                Events: "LifecycleChanged(UPGRADING)", Pending: "-"),
            new("new job id, new cluster, running", s =>
                {
                    s.Status(NewJobId("J2"));
                    s.DeploymentAdded("C2", generation: 3);
                    s.Status(Submitted(observedGeneration: 3).Then(Running(observedGeneration: 3)));
                },
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1 ended C2:#3", Current: "#3", JobStates: "#1=FINISHED(savepoint suspend) #2=- #3=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#3,RUNNING)", Pending: "-", JobIds: "#1=J1 #2=- #3=J2"),
        ]);
    }

    [Fact]
    public void Scenario_7_the_suspended_instance_is_suspended_and_never_gets_the_cluster()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v1-suspended");

        scenario.Status(SuspendedWithSavepoint(observedGeneration: 2, path: "s3://savepoints/savepoint-77"));

        Assert.Equal(LifecycleState.Suspended, scenario.State.Instances[1].LifecycleState);
        Assert.Null(scenario.State.Instances[1].JobState);
        Assert.Equal("s3://savepoints/savepoint-77", scenario.State.Instances[0].StopSavepointPath);
        Assert.Equal(InstanceStop.Suspend, scenario.State.Instances[0].Stop);
        Assert.Equal("C1:#1", scenario.Clusters);
    }

    [Fact]
    public void Scenario_7_stateless_suspend_deletes_the_cluster_first_and_is_not_a_savepoint_stop()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("job.state suspended (generation 2)", s => s.Spec("v1-suspended"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("cancel deletes D1", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("FINISHED, suspended spec deployed", s => s.Status(SuspendedAndDeleted(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(suspend) #2=-",
                Events: "LifecycleChanged(SUSPENDED) JobStateChanged(#1,FINISHED)", Pending: "-", JobIds: "#1=J1 #2=-"),
        ]);
    }

    [Fact]
    public void Scenario_8_an_ignore_change_hands_the_cluster_over_in_place_and_is_never_pending()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("upgradeMode savepoint to last-state (generation 2)", s => s.Spec("v1-last-state"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("reconciled in place: observedGeneration 2 on the same JobManager and job", s => s.Status(ReconciledInPlace(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1>#2", Current: "#2", JobStates: "#1=RUNNING #2=RUNNING",
                Events: "ClusterHandedOver(#2,C1) JobStateChanged(#2,RUNNING) CurrentInstanceChanged(#2)", Pending: "-", JobIds: "#1=J1 #2=J1"),
            new("a later savepoint upgrade stops the job of #2", s => { s.Spec("v3"); s.Status(StoppedWithSavepoint(observedGeneration: 3)); },
                Instances: "#1 ended #2 #3", Clusters: "C1:#1>#2", Current: "#2", JobStates: "#1=RUNNING #2=FINISHED(savepoint upgrade) #3=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#2,FINISHED)", Pending: "-"),
            new("C1 deleted ends #2", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2 ended #3", Clusters: "C1:#1>#2 ended", Current: "-", JobStates: "#1=RUNNING #2=FINISHED(savepoint upgrade) #3=-",
                Events: "ClusterEnded(#2,C1)"),
        ]);
    }

    [Fact]
    public void Scenario_8_the_hand_over_splits_the_cluster_into_two_segments()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v1-last-state");

        scenario.Status(ReconciledInPlace(observedGeneration: 2));

        var cluster = scenario.State.Clusters.Single();
        Assert.Equal([scenario.InstanceUidOf(1), scenario.InstanceUidOf(2)], cluster.Segments.Select(s => s.InstanceUid));
        Assert.Equal(scenario.Now, cluster.Segments[1].From);
        Assert.Equal(scenario.Now, scenario.State.Instances[0].EndedAt);
    }

    [Fact]
    public void Scenario_9_rollback_cluster_runs_the_last_stable_instance_and_the_failed_one_keeps_its_failure()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed to a broken version (generation 2)", s => s.Spec("broken"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("savepoint upgrade: stop, delete D1, new job id", s =>
                {
                    s.Status(StoppedWithSavepoint(observedGeneration: 2));
                    s.DeploymentDeleted("C1");
                    s.Status(ClusterDeleted().Then(NewJobId("J2")));
                },
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=-",
                Events: "", Pending: "-"),
            new("D2 created, job submitted", s => { s.DeploymentAdded("C2", generation: 2); s.Status(Submitted(observedGeneration: 2)); },
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "LifecycleChanged(DEPLOYED) JobStateChanged(#2,RECONCILING)", JobIds: "#1=J1 #2=J2"),
            new("the JobManager crash-loops", s => s.Status(DeploymentFailed()),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "ErrorSet(#2)"),
            new("readiness timeout: the JobManager that never started is deleted", s => s.DeploymentDeleted("C2"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "ClusterEnded(#2,C2)"),
            new("ROLLING_BACK", s => s.Status(RollingBack()),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "LifecycleChanged(ROLLING_BACK) ErrorCleared"),
            new("the rollback's job id", s => s.Status(NewJobId("J3")),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2 ended", Current: "-", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "", JobIds: "#1=J1 #2=J2"),
            new("D3 (generation annotation 2) runs lastStableSpec", s => s.DeploymentAdded("C3", generation: 2),
                Instances: "#1 #2", Clusters: "C1:#1 ended C2:#2 ended C3:#1", Current: "#1", JobStates: "#1=FINISHED(savepoint upgrade) #2=RECONCILING",
                Events: "ClusterStarted(#1,C3) CurrentInstanceChanged(#1)"),
            new("ROLLED_BACK, submitted", s => s.Status(RolledBackSubmitted()),
                Instances: "#1 #2", Clusters: "C1:#1 ended C2:#2 ended C3:#1", Current: "#1", JobStates: "#1=RECONCILING #2=RECONCILING",
                Events: "LifecycleChanged(ROLLED_BACK) JobStateChanged(#1,RECONCILING)", JobIds: "#1=J3 #2=J2"),
            new("rolled back and running", s => s.Status(RolledBackRunning()),
                Instances: "#1 #2", Clusters: "C1:#1 ended C2:#2 ended C3:#1", Current: "#1", JobStates: "#1=RUNNING #2=RECONCILING",
                Events: "JobStateChanged(#1,RUNNING)", Pending: "-", JobIds: "#1=J3 #2=J2"),
        ]);
    }

    [Fact]
    public void Scenario_9_the_failed_instance_keeps_its_error_after_the_rollback()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("broken");
        scenario.Status(StoppedWithSavepoint(observedGeneration: 2));
        scenario.DeploymentDeleted("C1");
        scenario.DeploymentAdded("C2", generation: 2);
        scenario.Status(Submitted(observedGeneration: 2).Then(NewJobId("J2")).Then(DeploymentFailed()));
        scenario.DeploymentDeleted("C2");
        scenario.Status(RollingBack().Then(NewJobId("J3")));

        scenario.DeploymentAdded("C3", generation: 2);
        scenario.Status(RolledBackSubmitted().Then(RolledBackRunning()));

        Assert.Equal(DeploymentError, scenario.State.Instances[1].Error);
        Assert.Equal(ClusterOwnerSource.Rollback, scenario.State.Clusters[^1].OwnerSource);
        Assert.Null(scenario.State.Instances[0].Error);
    }

    [Fact]
    public void Scenario_10_last_state_upgrade_by_cancel_stays_on_the_old_instance_and_the_new_job_id_goes_only_to_the_new()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed, upgradeMode last-state, no HA metadata (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("CANCELLING while UPGRADING", s => s.Status(Cancelling()),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=CANCELLING #2=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,CANCELLING)", Pending: "#2"),
            new("CANCELED while UPGRADING", s => s.Status(Canceled()),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=CANCELED(upgrade) #2=-",
                Events: "JobStateChanged(#1,CANCELED)", Pending: "#2"),
            new("the NOOP cancel's FINISHED for generation 2", s => s.Status(FinishedAfterCancel(observedGeneration: 2)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=CANCELED(upgrade) #2=-",
                Events: "", Pending: "-"),
            new("D1 deleted, new job id", s => { s.DeploymentDeleted("C1"); s.Status(ClusterDeleted().Then(NewJobId("J2"))); },
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=CANCELED(upgrade) #2=-",
                Events: "", JobIds: "#1=J1 #2=-"),
            new("D2, submitted, running", s =>
                {
                    s.DeploymentAdded("C2", generation: 2);
                    s.Status(Submitted(observedGeneration: 2).Then(Running(observedGeneration: 2)));
                },
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=CANCELED(upgrade) #2=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)", Pending: "-", JobIds: "#1=J1 #2=J2"),
        ]);
    }

    [Fact]
    public void Scenario_10_the_cancelled_jobs_checkpoint_path_does_not_make_it_a_savepoint_stop()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(Cancelling());

        scenario.Status(Canceled().Then(st => st with { UpgradeSavepointPath = "s3://checkpoints/J1/chk-7" }));

        Assert.Equal("#1=CANCELED(upgrade) #2=-", scenario.JobStates);
        Assert.Null(scenario.State.Instances[0].StopSavepointPath);
    }

    [Fact]
    public void Last_state_upgrade_with_ha_metadata_keeps_the_job_id_on_the_new_instance()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            .. DeployedAndRunning,
            new("spec changed, upgradeMode last-state (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-",
                Events: "InstanceCreated(#2)", Pending: "#2"),
            new("D1 deleted keeping HA data", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=RUNNING #2=-",
                Events: "ClusterEnded(#1,C1)"),
            new("FINISHED and UPGRADING", s => s.Status(StoppedAndDeleted(observedGeneration: 2)),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=FINISHED(upgrade) #2=-",
                Events: "LifecycleChanged(UPGRADING) JobStateChanged(#1,FINISHED)", Pending: "-"),
            new("D2 with the same job id", s =>
                {
                    s.DeploymentAdded("C2", generation: 2);
                    s.Status(Submitted(observedGeneration: 2).Then(Running(observedGeneration: 2)));
                },
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=FINISHED(upgrade) #2=RUNNING",
                Events: "LifecycleChanged(STABLE) JobStateChanged(#2,RUNNING)", Pending: "-", JobIds: "#1=J1 #2=J1"),
        ]);
    }
}
