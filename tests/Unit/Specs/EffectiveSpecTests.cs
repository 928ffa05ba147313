using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class EffectiveSpecTests
{
    [Fact]
    public void Submitted_value_wins_over_environment_default()
    {
        var effective = EffectiveSpec.Build(Defaults("""{"image":"flink:1.20"}"""), Json.Object("""{"image":"flink:2.2"}"""));

        Assert.Equal("""{"image":"flink:2.2"}""", effective.ToJsonString());
    }

    [Fact]
    public void Defaults_fill_in_what_the_submitted_spec_leaves_out()
    {
        var effective = EffectiveSpec.Build(Defaults("""{"serviceAccount":"flink"}"""), Json.Object("""{"image":"flink:2.2"}"""));

        Assert.Equal("""{"image":"flink:2.2","serviceAccount":"flink"}""", effective.ToJsonString());
    }

    [Fact]
    public void Objects_merge_key_by_key_at_every_depth()
    {
        var defaults = Defaults("""{"flinkConfiguration":{"state":{"backend":"rocksdb","checkpoints.dir":"s3://default"}}}""");
        var submitted = Json.Object("""{"flinkConfiguration":{"state":{"checkpoints.dir":"s3://mine"},"parallelism.default":4}}""");

        var effective = EffectiveSpec.Build(defaults, submitted);

        Assert.Equal(
            """{"flinkConfiguration":{"parallelism.default":4,"state":{"backend":"rocksdb","checkpoints.dir":"s3://mine"}}}""",
            effective.ToJsonString());
    }

    [Fact]
    public void Arrays_replace_rather_than_merge()
    {
        var effective = EffectiveSpec.Build(Defaults("""{"job":{"args":["--a","--b"]}}"""), Json.Object("""{"job":{"args":["--c"]}}"""));

        Assert.Equal("""{"job":{"args":["--c"]}}""", effective.ToJsonString());
    }

    [Theory]
    [InlineData("""{"mode":{"kind":"native"}}""", """{"mode":"standalone"}""", """{"mode":"standalone"}""")]
    [InlineData("""{"mode":"native"}""", """{"mode":{"kind":"standalone"}}""", """{"mode":{"kind":"standalone"}}""")]
    [InlineData("""{"restartNonce":1}""", """{"restartNonce":"2"}""", """{"restartNonce":"2"}""")]
    public void A_submitted_value_of_another_kind_replaces_the_default(string defaultsSpec, string submitted, string expected)
    {
        var effective = EffectiveSpec.Build(Defaults(defaultsSpec), Json.Object(submitted));

        Assert.Equal(expected, effective.ToJsonString());
    }

    [Fact]
    public void A_null_in_the_submitted_spec_lets_the_default_show_through()
    {
        var effective = EffectiveSpec.Build(Defaults("""{"serviceAccount":"flink"}"""), Json.Object("""{"serviceAccount":null}"""));

        Assert.Equal("""{"serviceAccount":"flink"}""", effective.ToJsonString());
    }

    [Fact]
    public void Null_members_are_left_out_at_every_depth()
    {
        var effective = EffectiveSpec.Build(null, Json.Object("""{"a":null,"b":{"c":null,"d":1},"e":[null]}"""));

        Assert.Equal("""{"b":{"d":1},"e":[null]}""", effective.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{}""")]
    [InlineData("""{"metadata":{"labels":{"team":"a"}}}""")]
    public void Without_spec_defaults_the_effective_spec_is_the_submitted_spec(string? defaults)
    {
        var submitted = FlinkDeploymentBuilder.New().BuildSpec();

        var effective = EffectiveSpec.Build(defaults is null ? null : Json.Object(defaults), submitted);

        Assert.True(JsonNode.DeepEquals(submitted, effective));
    }

    [Fact]
    public void The_result_lists_its_keys_in_canonical_order()
    {
        var effective = EffectiveSpec.Build(Defaults("""{"b":1,"d":{"z":1,"a":2}}"""), Json.Object("""{"c":1,"a":{"y":1,"x":2},"d":{"m":3}}"""));

        Assert.Equal(CanonicalJson.Serialize(effective), effective.ToJsonString());
    }

    [Fact]
    public void The_inputs_are_not_changed()
    {
        var defaults = Defaults("""{"job":{"upgradeMode":"stateless","args":["--x"]},"serviceAccount":"flink"}""");
        var submitted = Json.Object("""{"job":{"parallelism":2,"state":null},"image":"flink:2.2"}""");
        var (defaultsBefore, submittedBefore) = (defaults.ToJsonString(), submitted.ToJsonString());

        EffectiveSpec.Build(defaults, submitted);

        Assert.Equal((defaultsBefore, submittedBefore), (defaults.ToJsonString(), submitted.ToJsonString()));
    }

    [Fact]
    public void The_result_shares_no_nodes_with_the_inputs()
    {
        var defaults = Defaults("""{"job":{"args":["--x"]},"podTemplate":{"spec":{}}}""");
        var submitted = Json.Object("""{"job":{"parallelism":2},"taskManager":{"replicas":1}}""");

        var effective = EffectiveSpec.Build(defaults, submitted);
        effective["job"]!["args"]!.AsArray().Add("--y");
        effective["podTemplate"]!["spec"]!["hostNetwork"] = true;
        effective["taskManager"]!["replicas"] = 5;

        Assert.Equal("""{"spec":{"job":{"args":["--x"]},"podTemplate":{"spec":{}}}}""", defaults.ToJsonString());
        Assert.Equal("""{"job":{"parallelism":2},"taskManager":{"replicas":1}}""", submitted.ToJsonString());
    }

    [Fact]
    public void Defaults_whose_spec_is_not_an_object_are_reported_and_ignored()
    {
        var defaults = Json.Object("""{"spec":"image: flink"}""");

        Assert.Equal("spec: expected an object, found a string", EffectiveSpec.ValidateDefaults(defaults));
        Assert.Equal("""{"image":"flink:2.2"}""", EffectiveSpec.Build(defaults, Json.Object("""{"image":"flink:2.2"}""")).ToJsonString());
    }

    [Fact]
    public void Well_formed_defaults_validate()
    {
        Assert.Null(EffectiveSpec.ValidateDefaults(Json.Object("""{"metadata":{"labels":{}},"spec":{"image":"flink"}}""")));
    }

    private static JsonObject Defaults(string spec) => new() { ["spec"] = Json.Node(spec) };
}
