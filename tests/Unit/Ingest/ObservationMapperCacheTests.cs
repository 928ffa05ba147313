using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Specs;

namespace Cmf.UnitTests.Ingest;

public class ObservationMapperCacheTests
{
    private static readonly EnvironmentInfo Environment = new("production", "team-a", Json.Object("""{"spec":{"serviceAccount":"platform"}}"""));

    [Fact]
    public void A_status_update_reuses_the_spec_version_of_its_generation()
    {
        var cache = new SpecVersionCache();

        var first = Snapshot(FlinkDeploymentBuilder.New().Set("status.jobStatus.state", "RECONCILING"), cache);
        var second = Snapshot(FlinkDeploymentBuilder.New().Set("status.jobStatus.state", "RUNNING").Set("metadata.resourceVersion", "1002"), cache);

        Assert.Same(first.Spec, second.Spec);
    }

    [Fact]
    public void A_new_generation_gets_a_new_spec_version()
    {
        var cache = new SpecVersionCache();

        var first = Snapshot(FlinkDeploymentBuilder.New(), cache);
        var second = Snapshot(FlinkDeploymentBuilder.New().Set("metadata.generation", 2).Set("spec.job.parallelism", 4), cache);

        Assert.NotEqual(first.Spec.SpecHash, second.Spec.SpecHash);
    }

    [Fact]
    public void Observations_are_the_same_with_or_without_a_cache()
    {
        var cache = new SpecVersionCache(capacity: 1);
        var objects = new[]
        {
            FlinkDeploymentBuilder.New().WithLastStableSpec(FlinkDeploymentBuilder.New().BuildSpec(), 1).Build(),
            FlinkDeploymentBuilder.New().Set("status.jobStatus.state", "RUNNING").Set("metadata.resourceVersion", "1003").Build(),
            FlinkDeploymentBuilder.New().Set("metadata.uid", "0d3c9b1e-2222-4333-8444-555566667777").Build(),
            FlinkDeploymentBuilder.New().Set("metadata.generation", 2).Set("spec.job.parallelism", 3).Build(),
            FlinkDeploymentBuilder.New().Build(),
        };

        foreach (var resource in objects)
        {
            Assert.Equal(
                ObservationMapper.MapFlinkDeployment(Environment, resource),
                ObservationMapper.MapFlinkDeployment(Environment, resource, cache: cache));
        }
    }

    [Fact]
    public void A_status_update_of_an_accepted_generation_does_not_check_the_spec_again()
    {
        var cache = new SpecVersionCache();
        Snapshot(FlinkDeploymentBuilder.New(), cache);

        // Kubernetes bumps the generation on every spec change, so this spec is the one accepted above.
        var update = FlinkDeploymentBuilder.New().Set("spec.flinkVersion", 20).Set("status.jobStatus.state", "RUNNING").Build();

        Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(Environment, update, cache: cache));
    }

    [Fact]
    public void A_new_generation_with_an_unreadable_spec_is_rejected_although_the_last_was_accepted()
    {
        var cache = new SpecVersionCache();
        Snapshot(FlinkDeploymentBuilder.New(), cache);

        var changed = FlinkDeploymentBuilder.New().Set("metadata.generation", 2).Set("spec.flinkVersion", 20).Build();

        Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(Environment, changed, cache: cache));
    }

    [Fact]
    public void A_capacity_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpecVersionCache(capacity: 0));
    }

    private static FlinkDeploymentSnapshot Snapshot(FlinkDeploymentBuilder builder, SpecVersionCache cache) =>
        ((FlinkDeploymentObserved)ObservationMapper.MapFlinkDeployment(Environment, builder.Build(), cache: cache)).Resource;
}
