using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.UnitTests.Specs;
using k8s;

namespace Cmf.UnitTests.Ingest;

/// <summary>Status texts and rejection reasons leave the mapper scrubbed (DESIGN 3.2 rule 10): nothing after it sees a secret.</summary>
public class ObservationMapperSecretTests
{
    private static readonly EnvironmentInfo Environment = new("production", "team-a");

    [Fact]
    public void A_status_error_quoting_a_secret_of_the_spec_is_stored_masked()
    {
        var resource = FlinkDeploymentBuilder.New()
            .WithFlinkConfiguration("security.ssl.keystore-password", "ks-pass-0001")
            .Set("status.error", """{"type":"ReconciliationException","message":"keystore rejected ks-pass-0001"}""");

        var status = Observe(resource).Status;

        Assert.Equal("""{"type":"ReconciliationException","message":"keystore rejected ******"}""", status.Error);
    }

    [Fact]
    public void A_status_error_quoting_a_secret_of_the_spec_the_cluster_still_runs_is_stored_masked()
    {
        var running = FlinkDeploymentBuilder.New().WithFlinkConfiguration("s3.secret-key", "old-s3-secret-1").BuildSpec();
        var resource = FlinkDeploymentBuilder.New()
            .Set("metadata.generation", 2)
            .WithFlinkConfiguration("s3.secret-key", "new-s3-secret-2")
            .Set("status.reconciliationStatus.lastReconciledSpec", new JsonObject { ["spec"] = running }.ToJsonString())
            .Set("status.error", "savepoint failed: s3 denied key old-s3-secret-1");

        Assert.Equal("savepoint failed: s3 denied key ******", Observe(resource).Status.Error);
    }

    [Fact]
    public void A_status_error_with_a_secret_shape_is_stored_masked_although_the_spec_does_not_hold_it()
    {
        var resource = FlinkDeploymentBuilder.New().Set("status.error", "could not fetch https://ci:unknown-pass@host/app.jar");

        Assert.Equal("could not fetch https://ci:******@host/app.jar", Observe(resource).Status.Error);
    }

    [Fact]
    public void A_savepoint_path_with_user_info_is_stored_masked()
    {
        var resource = FlinkDeploymentBuilder.New().Set("status.jobStatus.upgradeSavepointPath", "s3://AKIAEXAMPLE:sp-secret-1@bucket/sp-1");

        Assert.Equal("s3://AKIAEXAMPLE:******@bucket/sp-1", Observe(resource).Status.UpgradeSavepointPath);
    }

    [Fact]
    public void The_same_status_is_scrubbed_alike_with_or_without_the_spec_cache()
    {
        var cache = new SpecVersionCache();
        var first = FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "cached-pass-1");
        ObservationMapper.MapFlinkDeployment(Environment, first.Build(), cache: cache);
        var update = first.Set("metadata.resourceVersion", "1002").Set("status.error", "denied cached-pass-1").Build();

        var cached = Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(Environment, update, cache: cache));

        Assert.Equal("denied ******", cached.Resource.Status.Error);
        Assert.Equal(ObservationMapper.MapFlinkDeployment(Environment, update), cached);
    }

    [Fact]
    public void A_rejection_reason_quoting_a_secret_shape_is_masked()
    {
        var resource = FlinkDeploymentBuilder.New().Set("kind", "password=hunter22").Build();

        var rejected = Assert.IsType<ResourceRejected>(ObservationMapper.Map(Environment, WatchEventType.Added, resource));

        Assert.Contains("password=******", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", rejected.Reason, StringComparison.Ordinal);
    }

    private static FlinkDeploymentSnapshot Observe(FlinkDeploymentBuilder resource) =>
        Assert.IsType<FlinkDeploymentObserved>(ObservationMapper.MapFlinkDeployment(Environment, resource.Build())).Resource;
}
