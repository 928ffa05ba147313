using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class EffectiveSpecTests
{
    [Fact]
    public void The_effective_spec_is_the_observed_spec()
    {
        var observed = FlinkDeploymentBuilder.New().BuildSpec();

        var effective = EffectiveSpec.Of(observed);

        Assert.True(JsonNode.DeepEquals(observed, effective));
    }

    [Fact]
    public void Null_members_are_left_out_at_every_depth()
    {
        var effective = EffectiveSpec.Of(Json.Object("""{"a":null,"b":{"c":null,"d":1},"e":[null]}"""));

        Assert.Equal("""{"b":{"d":1},"e":[null]}""", effective.ToJsonString());
    }

    [Fact]
    public void The_result_lists_its_keys_in_canonical_order()
    {
        var effective = EffectiveSpec.Of(Json.Object("""{"c":1,"a":{"y":1,"x":2},"d":{"m":3}}"""));

        Assert.Equal(CanonicalJson.Serialize(effective), effective.ToJsonString());
        Assert.Equal("""{"a":{"x":2,"y":1},"c":1,"d":{"m":3}}""", effective.ToJsonString());
    }

    [Fact]
    public void The_input_is_not_changed_and_shares_no_nodes_with_the_result()
    {
        var observed = Json.Object("""{"job":{"parallelism":2,"args":["--x"]},"taskManager":{"replicas":1}}""");
        var before = observed.ToJsonString();

        var effective = EffectiveSpec.Of(observed);
        effective["job"]!["args"]!.AsArray().Add("--y");
        effective["taskManager"]!["replicas"] = 5;

        Assert.Equal(before, observed.ToJsonString());
    }
}
