using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// FlinkDeployments and Deployments come on separate watches, so one can overtake the other. The history must
/// come out as if they had arrived in the order they happened.
/// </summary>
public sealed class WatchOrderTests
{
    [Fact]
    public void Deployment_seen_before_any_instance_waits_and_is_registered_when_the_flink_deployment_arrives()
    {
        var scenario = new TrackerScenario();

        var early = scenario.DeploymentAdded("C1", generation: 1);
        scenario.Spec("v1");

        Assert.Empty(early.Events);
        Assert.Equal("C1:#1", scenario.Clusters);
        Assert.Empty(scenario.State.HeldClusters);
    }

    [Fact]
    public void Deployment_for_a_generation_not_yet_seen_gets_the_owner_of_that_generation()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            new("created", s => s.Spec("v1"),
                Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)"),
            new("D1 for generation 1", s => s.DeploymentAdded("C1", generation: 1),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
            new("D1 deleted", s => s.DeploymentDeleted("C1"),
                Instances: "#1", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=-", Events: "ClusterEnded(#1,C1)"),
            new("D2 for generation 2 overtakes the spec change", s => s.DeploymentAdded("C2", generation: 2),
                Instances: "#1", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=-", Events: ""),
            new("the spec change of generation 2 arrives", s => s.Spec("v2"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=- #2=-",
                Events: "InstanceCreated(#2) ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
        ]);
    }

    [Fact]
    public void Deployment_that_came_and_went_before_its_generation_arrived_still_appears_in_the_history()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C2", generation: 2);
        scenario.DeploymentDeleted("C2");

        scenario.Spec("v2");

        Assert.Equal("C2:#2 ended", scenario.Clusters);
        Assert.Empty(scenario.State.HeldClusters);
    }

    [Fact]
    public void Deployment_whose_generation_never_comes_is_registered_after_the_timeout()
    {
        var scenario = new TrackerScenario(new TrackerSettings { HeldClusterTimeout = TimeSpan.FromSeconds(5) });
        scenario.Spec("v1");
        scenario.DeploymentAdded("C9", generation: 9);

        scenario.Status(Running(observedGeneration: 1));

        Assert.Equal("C9:#1", scenario.Clusters);
        Assert.Empty(scenario.State.HeldClusters);
    }

    [Fact]
    public void Deployed_status_of_a_newer_generation_overtaking_its_deployment_goes_to_that_generation()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Status(Running(observedGeneration: 1));
        scenario.Spec("v2");

        // C1's deletion and C2's creation are still on their way; the operator already reports the new job.
        scenario.Status(Running(observedGeneration: 2).Then(s => s with { JobId = "new-job" }));

        Assert.Equal("#1=RUNNING #2=RUNNING", scenario.JobStates);
        Assert.Equal("new-job", scenario.State.Instances[1].JobId);
        Assert.Equal(StatusChanges.FirstJobId, scenario.State.Instances[0].JobId);
    }

    [Fact]
    public void Deployed_status_after_a_revert_to_the_running_spec_stays_with_the_current_instance()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Status(Running(observedGeneration: 1));
        scenario.Spec("v2");
        scenario.Spec("v1");

        scenario.Status(Running(observedGeneration: 3).Then(s => s with { JobState = JobState.Restarting }));

        Assert.Equal("#1=RESTARTING #2=- #3=-", scenario.JobStates);
    }

    [Fact]
    public void Finished_batch_job_is_not_called_stopped_for_upgrade_when_the_upgrade_starts()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Status(s => s with { JobState = JobState.Finished, ReconciliationState = ReconciliationState.Deployed, ObservedGeneration = 1 });
        scenario.Spec("v2");

        scenario.Status(StoppedWithSavepoint(observedGeneration: 2));

        Assert.Equal("#1=FINISHED #2=-", scenario.JobStates);
    }
}

/// <summary>Events replayed after a dashboard restart happened while nobody watched.</summary>
public sealed class ReplayTests
{
    [Fact]
    public void Replayed_deletion_ends_the_cluster_at_an_approximate_time()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);

        scenario.Apply(new JobManagerDeploymentDeleted(scenario.Key, "prod-ns", scenario.Deployment("C1", generation: 1), Replayed: true));

        Assert.Equal("C1:#1 ended", scenario.Clusters);
        Assert.True(scenario.State.Clusters[0].EndIsApproximate);
    }

    [Fact]
    public void Replayed_deployment_starts_at_its_creation_time_not_at_the_replay()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var created = scenario.State.Instances[0].CreatedAt.AddSeconds(4);

        scenario.Apply(new JobManagerDeploymentObserved(
            scenario.Key, "prod-ns", scenario.Deployment("C1", generation: 1) with { CreationTimestamp = created }, Replayed: true));

        Assert.Equal(created, scenario.State.Clusters[0].StartedAt);
        Assert.True(scenario.Now > created);
    }
}
