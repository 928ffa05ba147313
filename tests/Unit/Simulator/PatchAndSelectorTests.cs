using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.Simulator.Api;

namespace Cmf.UnitTests.Simulator;

/// <summary>Merge patch follows RFC 7386 and label selectors follow Kubernetes' grammar.</summary>
public sealed class PatchAndSelectorTests
{
    // The examples of RFC 7386, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merge_patch_follows_rfc_7386(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Theory]
    [InlineData("component=jobmanager", true)]
    [InlineData("component==jobmanager,app=orders", true)]
    [InlineData("component!=taskmanager", true)]
    [InlineData("component in (jobmanager, taskmanager)", true)]
    [InlineData("component notin (jobmanager)", false)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    [InlineData("app=payments", false)]
    public void Label_selectors_match_like_kubernetes(string selector, bool matches)
    {
        var labels = new Dictionary<string, string> { ["app"] = "orders", ["component"] = "jobmanager" };

        Assert.Equal(matches, LabelSelector.Parse(selector)(labels));
    }

    [Fact]
    public void The_simulator_does_not_reference_the_core_it_stands_in_for()
    {
        var references = typeof(SimulatorServer).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("Cmf.Core", references);
    }
}
