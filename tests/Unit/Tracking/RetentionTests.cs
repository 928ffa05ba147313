using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>Rule 5: the oldest instances go first, never the latest nor one whose cluster is live.</summary>
public sealed class RetentionTests
{
    [Fact]
    public void Oldest_instances_beyond_the_limit_are_pruned()
    {
        var scenario = new TrackerScenario(new TrackerSettings(MaxInstancesPerApplication: 3));
        for (var i = 1; i <= 3; i++)
        {
            scenario.Spec($"v{i}");
        }
        var oldest = scenario.InstanceUidOf(1);

        var result = scenario.Spec("v4");

        Assert.Equal("#2 ended #3 ended #4", scenario.Instances);
        Assert.Equal([oldest], result.PrunedInstanceUids);
        Assert.Equal(4, scenario.State.LastSequence);
    }

    [Fact]
    public void Instance_owning_the_live_cluster_is_never_pruned()
    {
        var scenario = new TrackerScenario(new TrackerSettings(MaxInstancesPerApplication: 2));
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);

        for (var i = 2; i <= 5; i++)
        {
            scenario.Spec($"v{i}");
        }

        Assert.Equal("#1 #5", scenario.Instances);
        Assert.Equal("#1", scenario.Current);
        Assert.Equal("C1:#1", scenario.Clusters);
    }

    [Fact]
    public void Ended_clusters_go_with_their_pruned_instance()
    {
        var scenario = new TrackerScenario(new TrackerSettings(MaxInstancesPerApplication: 2));
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Spec("v2");
        scenario.DeploymentDeleted("C1");
        scenario.DeploymentAdded("C2", generation: 2);

        var result = scenario.Spec("v3");

        Assert.Equal("#2 #3", scenario.Instances);
        Assert.Equal("C2:#2", scenario.Clusters);
        Assert.Single(result.RemovedClusters());
    }

    [Fact]
    public void Sequence_numbers_keep_counting_after_pruning()
    {
        var scenario = new TrackerScenario(new TrackerSettings(MaxInstancesPerApplication: 1));
        scenario.Spec("v1");
        scenario.Spec("v2");

        scenario.Spec("v3");

        Assert.Equal("#3", scenario.Instances);
    }
}
