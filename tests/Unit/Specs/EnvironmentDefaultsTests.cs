using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class EnvironmentDefaultsTests
{
    [Fact]
    public void Values_equal_to_the_defaults_are_marked_by_path()
    {
        var defaults = Defaults("""{"serviceAccount":"flink","flinkConfiguration":{"state.backend.type":"rocksdb","taskmanager.numberOfTaskSlots":"2"}}""");
        var spec = Json.Object("""{"serviceAccount":"flink","flinkConfiguration":{"state.backend.type":"rocksdb","taskmanager.numberOfTaskSlots":"4"},"image":"flink:2.2"}""");

        var paths = EnvironmentDefaults.MatchingPaths(spec, defaults);

        Assert.Equal(["flinkConfiguration[\"state.backend.type\"]", "serviceAccount"], paths);
    }

    [Fact]
    public void Arrays_and_scalars_match_only_whole()
    {
        var defaults = Defaults("""{"job":{"args":["--a","--b"],"parallelism":2}}""");
        var spec = Json.Object("""{"job":{"args":["--a"],"parallelism":2}}""");

        Assert.Equal(["job.parallelism"], EnvironmentDefaults.MatchingPaths(spec, defaults));
    }

    [Fact]
    public void A_value_of_another_type_does_not_match()
    {
        var defaults = Defaults("""{"job":{"parallelism":"2"}}""");

        Assert.Empty(EnvironmentDefaults.MatchingPaths(Json.Object("""{"job":{"parallelism":2}}"""), defaults));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{}""")]
    [InlineData("""{"metadata":{"labels":{"team":"a"}}}""")]
    public void Without_spec_defaults_nothing_is_marked(string? defaults)
    {
        var spec = FlinkDeploymentBuilder.New().BuildSpec();

        Assert.Empty(EnvironmentDefaults.MatchingPaths(spec, defaults is null ? null : Json.Object(defaults)));
    }

    [Fact]
    public void Defaults_whose_spec_is_not_an_object_are_reported_and_ignored()
    {
        var defaults = Json.Object("""{"spec":"image: flink"}""");

        Assert.Equal("spec: expected an object, found a string", EnvironmentDefaults.Validate(defaults));
        Assert.Empty(EnvironmentDefaults.MatchingPaths(Json.Object("""{"image":"flink"}"""), defaults));
    }

    [Fact]
    public void Well_formed_defaults_validate()
    {
        Assert.Null(EnvironmentDefaults.Validate(Json.Object("""{"metadata":{"labels":{}},"spec":{"image":"flink"}}""")));
    }

    private static System.Text.Json.Nodes.JsonObject Defaults(string spec) => new() { ["spec"] = Json.Node(spec) };
}
