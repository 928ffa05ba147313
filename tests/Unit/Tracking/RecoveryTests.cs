using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>Clusters the operator redeploys without a spec change: JobManager recovery and rollbacks of a failing job.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void A_recovered_job_manager_without_a_generation_annotation_runs_the_reconciled_instance_not_the_pending_one()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(SavepointFailed(observedGeneration: 1));

        // AbstractJobReconciler.resubmitJob deploys with the observe config, which carries no generation annotation.
        scenario.DeploymentDeleted("C1");
        scenario.Status(st => st with { JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing, JobState = JobState.Reconciling });
        scenario.DeploymentAdded("C1b", generation: null);

        Assert.Equal("C1:#1 ended C1b:#1", scenario.Clusters);
        Assert.Equal(ClusterOwnerSource.ObservedGeneration, scenario.State.Clusters[^1].OwnerSource);
        Assert.Equal("#1", scenario.Current);
        Assert.Equal("#2", scenario.Pending);
    }

    [Fact]
    public void The_latest_instance_whose_cluster_vanished_takes_the_missing_status_and_the_recovered_cluster()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.DeploymentDeleted("C1");

        scenario.Status(st => st with
        {
            JobManagerDeploymentStatus = JobManagerDeploymentStatus.Missing, JobState = JobState.Reconciling,
            Error = """{"type":"org.apache.flink.kubernetes.operator.exception.MissingJobManagerException","message":"Missing JobManager deployment"}""",
        });
        scenario.DeploymentAdded("C2", generation: null);
        scenario.Status(Submitted(observedGeneration: 1).Then(Running(observedGeneration: 1)));

        Assert.Equal("#1=RUNNING", scenario.JobStates);
        Assert.Equal("C1:#1 ended C2:#1", scenario.Clusters);
        Assert.Equal("#1", scenario.Current);
    }

    [Fact]
    public void Rolling_back_a_failing_job_does_not_call_it_stopped_for_an_upgrade()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("broken");
        scenario.DeploymentDeleted("C1");
        scenario.Status(StoppedAndDeleted(observedGeneration: 2));
        scenario.DeploymentAdded("C2", generation: 2);
        scenario.Status(Submitted(observedGeneration: 2).Then(st => st with { JobState = JobState.Restarting }));
        scenario.DeploymentDeleted("C2");

        scenario.Status(RollingBack());

        Assert.Equal("#1=FINISHED(upgrade) #2=RESTARTING", scenario.JobStates);
    }
}
