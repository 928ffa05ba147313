using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class SpecVersionFactoryTests
{
    private const string InstanceAnnotation = "3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public void The_effective_spec_is_canonical_json_of_the_merged_and_sealed_spec()
    {
        var defaults = Defaults("""{"flinkConfiguration":{"s3.secret-key":"abc"}}""");
        var submitted = FlinkDeploymentBuilder.New().BuildSpec();

        var version = SpecVersionFactory.Create(defaults, submitted);

        var expected = SecretMasker.Seal(EffectiveSpec.Build(defaults, submitted));
        Assert.Equal(CanonicalJson.Serialize(expected), version.EffectiveSpecJson);
        Assert.DoesNotContain("abc", version.EffectiveSpecJson);
    }

    [Fact]
    public void The_hash_is_taken_over_the_unsealed_effective_spec()
    {
        var submitted = FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "hunter2").BuildSpec();

        var version = SpecVersionFactory.Create(null, submitted);

        Assert.Equal(SpecHash.Compute(CanonicalJson.Serialize(submitted)), version.SpecHash);
    }

    [Fact]
    public void Changing_only_a_password_changes_the_hash()
    {
        var first = SpecVersionFactory.Create(null, FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "a").BuildSpec());
        var second = SpecVersionFactory.Create(null, FlinkDeploymentBuilder.New().WithFlinkConfiguration("password", "b").BuildSpec());

        Assert.NotEqual(first.SpecHash, second.SpecHash);
    }

    [Fact]
    public void The_submitted_spec_is_sealed_and_leaves_the_defaults_out()
    {
        var defaults = Defaults("""{"serviceAccount":"platform"}""");
        var submitted = FlinkDeploymentBuilder.New().Remove("spec.serviceAccount").WithFlinkConfiguration("password", "hunter2").BuildSpec();

        var version = SpecVersionFactory.Create(defaults, submitted);

        Assert.Equal(CanonicalJson.Serialize(SecretMasker.Seal(submitted)), version.SubmittedSpecJson);
        Assert.Contains("platform", version.EffectiveSpecJson);
    }

    [Fact]
    public void Without_defaults_the_submitted_and_effective_texts_are_equal()
    {
        var version = SpecVersionFactory.Create(null, FlinkDeploymentBuilder.New().Set("spec.job.entryClass", null).BuildSpec());

        Assert.Equal(version.EffectiveSpecJson, version.SubmittedSpecJson);
    }

    [Fact]
    public void Flink_version_and_upgrade_mode_come_from_the_effective_spec()
    {
        var defaults = Defaults("""{"flinkVersion":"v1_20","job":{"upgradeMode":"last-state"}}""");
        var submitted = FlinkDeploymentBuilder.New().Remove("spec.flinkVersion").Remove("spec.job.upgradeMode").BuildSpec();

        var version = SpecVersionFactory.Create(defaults, submitted);

        Assert.Equal(("v1_20", "last-state"), (version.FlinkVersion, version.UpgradeMode));
    }

    [Fact]
    public void The_instance_annotation_is_read_from_the_pod_template()
    {
        var submitted = FlinkDeploymentBuilder.New().WithPodAnnotation(InstanceUid.AnnotationKey, InstanceAnnotation).BuildSpec();

        Assert.Equal(InstanceAnnotation, SpecVersionFactory.Create(null, submitted).InstanceAnnotation);
    }

    [Fact]
    public void The_instance_annotation_is_read_from_the_job_manager_pod_template()
    {
        var submitted = FlinkDeploymentBuilder.New()
            .Set(["spec", "jobManager", "podTemplate", "metadata", "annotations", InstanceUid.AnnotationKey], InstanceAnnotation)
            .BuildSpec();

        Assert.Equal(InstanceAnnotation, SpecVersionFactory.Create(null, submitted).InstanceAnnotation);
    }

    [Fact]
    public void An_instance_annotation_that_is_not_a_uid_is_left_out()
    {
        var submitted = FlinkDeploymentBuilder.New().WithPodAnnotation(InstanceUid.AnnotationKey, "'; drop table instances; --").BuildSpec();

        Assert.Null(SpecVersionFactory.Create(null, submitted).InstanceAnnotation);
    }

    [Fact]
    public void An_instance_annotation_in_environment_defaults_is_ignored()
    {
        var defaults = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["podTemplate"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [InstanceUid.AnnotationKey] = InstanceAnnotation } },
                },
            },
        };

        Assert.Null(SpecVersionFactory.Create(defaults, FlinkDeploymentBuilder.New().BuildSpec()).InstanceAnnotation);
    }

    [Fact]
    public void The_hash_alone_equals_the_hash_of_the_full_version()
    {
        var defaults = Defaults("""{"serviceAccount":"platform","job":{"args":["--x"]}}""");
        var submitted = FlinkDeploymentBuilder.New().BuildSpec();

        Assert.Equal(SpecVersionFactory.Create(defaults, submitted).SpecHash, SpecVersionFactory.Hash(defaults, submitted));
    }

    [Fact]
    public void The_same_spec_twice_gives_equal_versions()
    {
        var defaults = Defaults("""{"flinkConfiguration":{"password":"x"}}""");

        Assert.Equal(
            SpecVersionFactory.Create(defaults, FlinkDeploymentBuilder.New().BuildSpec()),
            SpecVersionFactory.Create(defaults, FlinkDeploymentBuilder.New().BuildSpec()));
    }

    [Fact]
    public void The_inputs_are_not_changed()
    {
        var defaults = Defaults("""{"flinkConfiguration":{"password":"x"}}""");
        var submitted = FlinkDeploymentBuilder.New().WithFlinkConfiguration("api-key", "k").BuildSpec();
        var before = (defaults.ToJsonString(), submitted.ToJsonString());

        SpecVersionFactory.Create(defaults, submitted);

        Assert.Equal(before, (defaults.ToJsonString(), submitted.ToJsonString()));
    }

    private static JsonObject Defaults(string spec) => new() { ["spec"] = Json.Node(spec) };
}
