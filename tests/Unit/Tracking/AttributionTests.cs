using Cmf.Core.Attribution;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>An instance keeps who wrote its spec change, as the observation that created it said.</summary>
public sealed class AttributionTests
{
    private static readonly DateTimeOffset PatchedAt = new(2026, 3, 1, 11, 59, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_instance_records_the_writer_of_its_spec_change()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");

        scenario.Spec("v2", attribution: new ChangeAttribution { ChangedBy = "kubectl-patch", ChangedAt = PatchedAt, ChangeOrigin = "Argo CD application payments" });

        var instance = scenario.State.LatestInstance!;
        Assert.Equal((2, "kubectl-patch", (DateTimeOffset?)PatchedAt, "Argo CD application payments"),
            (instance.Sequence, instance.ChangedBy, instance.ChangedAt, instance.ChangeOrigin));
    }

    [Fact]
    public void Later_observations_of_the_same_generation_keep_the_writer()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1", attribution: new ChangeAttribution { ChangedBy = "helm", ChangedAt = PatchedAt });

        var running = scenario.Status(Running(observedGeneration: 1));

        Assert.True(running.HasChanges);
        Assert.Equal("helm", scenario.State.LatestInstance!.ChangedBy);
    }
}
