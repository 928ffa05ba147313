using Cmf.Core.Model;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// The tracker runs the outcome rules over the whole history only when a step moves something they read. Instance #1
/// is given a stale (missing) outcome before the step: it stays missing when the rules did not run and is told again
/// when they did. That the stored outcomes stay right after every step is StoredOutcomeTests' part.
/// </summary>
public sealed class OutcomeRecomputationTests
{
    [Fact]
    public void A_status_write_that_moves_no_outcome_input_leaves_the_other_instances_untouched()
    {
        var (scenario, before) = UpgradedWithAStaleFirstOutcome();

        var result = scenario.Status(s => s with { Error = DeploymentError });

        var (first, second) = (result.State.Instances[0], result.State.Instances[1]);
        Assert.Same(before.Instances[0], first);
        Assert.Null(first.Outcome);
        Assert.Equal(DeploymentError, second.Error);
        Assert.Equal(before.Instances[1].Outcome, second.Outcome);
    }

    [Fact]
    public void A_status_write_that_moves_a_job_state_tells_every_outcome_again()
    {
        var (scenario, _) = UpgradedWithAStaleFirstOutcome();

        var result = scenario.Status(s => s with { JobState = JobState.Failed, Error = DeploymentError });

        Assert.Equal(InstanceOutcomeKind.Stopped, result.State.Instances[0].Outcome?.Kind);
        Assert.Equal(JobState.Failed, result.State.Instances[1].JobState);
    }

    [Fact]
    public void A_spec_change_tells_every_outcome_again()
    {
        var (scenario, _) = UpgradedWithAStaleFirstOutcome();

        var result = scenario.Spec("v3");

        Assert.Equal(InstanceOutcomeKind.Stopped, result.State.Instances[0].Outcome?.Kind);
        Assert.Equal(3, result.State.Instances.Count);
    }

    /// <summary>Scenario 2 (savepoint upgrade): #1 stopped with a savepoint and ended, #2 runs on C2.</summary>
    private static (TrackerScenario Scenario, ApplicationState Before) UpgradedWithAStaleFirstOutcome()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(StoppedWithSavepoint(observedGeneration: 2));
        scenario.DeploymentDeleted("C1");
        scenario.DeploymentAdded("C2", generation: 2);
        scenario.Status(Submitted(observedGeneration: 2));
        scenario.Status(Running(observedGeneration: 2));
        Assert.Equal(InstanceOutcomeKind.Stopped, scenario.State.Instances[0].Outcome?.Kind);
        Assert.Equal(InstanceOutcomeKind.Current, scenario.State.Instances[1].Outcome?.Kind);

        var stale = scenario.State with { Instances = scenario.State.Instances.SetItem(0, scenario.State.Instances[0] with { Outcome = null }) };
        scenario.Restore(stale);
        return (scenario, stale);
    }
}
