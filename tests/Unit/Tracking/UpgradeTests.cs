using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>Rule 1 at the edges: what is, and is not, a new instance.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public void Generation_bump_that_leaves_the_effective_spec_unchanged_creates_no_instance()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);

        var result = scenario.Spec("v1");

        Assert.Equal("#1", scenario.Instances);
        Assert.DoesNotContain(result.Events, e => e.Kind == AppEventKind.InstanceCreated);
        Assert.Equal(2, scenario.State.Generation);
    }

    [Fact]
    public void Same_generation_hashed_differently_by_an_older_store_is_the_same_instance()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var merged = scenario.State with
        {
            Instances = [scenario.State.Instances[0] with { SpecHash = "hash-with-environment-defaults-merged-in" }],
            ResourceVersion = "1",
        };
        var resource = scenario.Resource;

        var result = InstanceTracker.Apply(merged, new FlinkDeploymentObserved(scenario.Key, "prod-ns", resource), scenario.Now);

        Assert.Single(result.State.Instances);
        Assert.Equal(TrackerScenario.HashOf("v1"), result.State.Instances[0].SpecHash);
        Assert.DoesNotContain(result.Events, e => e.Kind == AppEventKind.InstanceCreated);
    }
}
