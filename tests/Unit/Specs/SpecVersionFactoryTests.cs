using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class SpecVersionFactoryTests
{
    private const string InstanceAnnotation = "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public void The_effective_spec_is_canonical_json_of_the_fingerprinted_observed_spec()
    {
        var observed = FlinkDeploymentBuilder.New().WithFlinkConfiguration("s3.secret-key", "abc").BuildSpec();

        var version = SpecVersionFactory.Create(observed);

        Assert.Equal(CanonicalJson.Serialize(SecretMasker.Fingerprint(observed)), version.EffectiveSpecJson);
        Assert.DoesNotContain("abc", version.EffectiveSpecJson);
    }

    [Fact]
    public void The_hash_is_taken_over_the_unfingerprinted_spec()
    {
        var observed = FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "hunter2").BuildSpec();

        var version = SpecVersionFactory.Create(observed);

        Assert.Equal(SpecHash.Compute(CanonicalJson.Serialize(observed)), version.SpecHash);
    }

    [Fact]
    public void Changing_only_a_password_changes_the_hash()
    {
        var first = SpecVersionFactory.Create(FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "a").BuildSpec());
        var second = SpecVersionFactory.Create(FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "b").BuildSpec());

        Assert.NotEqual(first.SpecHash, second.SpecHash);
    }

    [Fact]
    public void Flink_version_and_upgrade_mode_come_from_the_spec()
    {
        var observed = FlinkDeploymentBuilder.New().Set("spec.flinkVersion", "v1_20").Set("spec.job.upgradeMode", "last-state").BuildSpec();

        var version = SpecVersionFactory.Create(observed);

        Assert.Equal(("v1_20", "last-state"), (version.FlinkVersion, version.UpgradeMode));
    }

    [Fact]
    public void The_instance_annotation_is_read_from_the_pod_template()
    {
        var observed = FlinkDeploymentBuilder.New().WithPodAnnotation(MetadataKeys.InstanceAnnotation, InstanceAnnotation).BuildSpec();

        Assert.Equal(InstanceAnnotation, SpecVersionFactory.Create(observed).InstanceAnnotation);
    }

    [Fact]
    public void The_instance_annotation_is_read_from_the_job_manager_pod_template()
    {
        var observed = FlinkDeploymentBuilder.New()
            .Set(["spec", "jobManager", "podTemplate", "metadata", "annotations", MetadataKeys.InstanceAnnotation], InstanceAnnotation)
            .BuildSpec();

        Assert.Equal(InstanceAnnotation, SpecVersionFactory.Create(observed).InstanceAnnotation);
    }

    [Fact]
    public void An_instance_annotation_that_is_not_a_uid_is_left_out()
    {
        var observed = FlinkDeploymentBuilder.New().WithPodAnnotation(MetadataKeys.InstanceAnnotation, "'; drop table instances; --").BuildSpec();

        Assert.Null(SpecVersionFactory.Create(observed).InstanceAnnotation);
    }

    [Fact]
    public void The_same_spec_twice_gives_equal_versions()
    {
        Assert.Equal(
            SpecVersionFactory.Create(FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "x").BuildSpec()),
            SpecVersionFactory.Create(FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "x").BuildSpec()));
    }

    [Fact]
    public void The_input_is_not_changed()
    {
        var observed = FlinkDeploymentBuilder.New().WithFlinkConfiguration("api-key", "k").BuildSpec();
        var before = observed.ToJsonString();

        SpecVersionFactory.Create(observed);

        Assert.Equal(before, observed.ToJsonString());
    }
}
