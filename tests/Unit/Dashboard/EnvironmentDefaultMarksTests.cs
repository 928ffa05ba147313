using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Dashboard;

public sealed class EnvironmentDefaultMarksTests
{
    private static readonly string FingerprintedDefaults = SecretMasker.Fingerprint(RealisticSpec.Defaults())!.ToJsonString();

    private static string Lines(EnvironmentDefaultMarks marks) =>
        string.Join('\n', marks.Yaml!.Split('\n').Where((_, number) => marks.MarkedLines.Contains(number)));

    [Fact]
    public void A_spec_cmf_wrote_with_the_environment_defaults_has_them_marked_by_path_and_line()
    {
        var spec = RealisticSpec.Basic().WithEnvironmentDefaults().Build().EffectiveSpecJson;

        var marks = EnvironmentDefaultMarks.For(spec, FingerprintedDefaults);

        Assert.True(marks.HasDefaults);
        Assert.Equal(["flinkConfiguration[\"execution.checkpointing.interval\"]", "flinkConfiguration[\"s3.secret-key\"]"], marks.Paths);
        Assert.Equal("  execution.checkpointing.interval: 60s\n  s3.secret-key: ******", Lines(marks));
    }

    [Fact]
    public void A_secret_of_another_value_is_not_marked_though_both_are_masked()
    {
        var defaults = new JsonObject { ["spec"] = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["security.ssl.rest.keystore-password"] = "other" } } };
        var spec = RealisticSpec.Basic().Build().EffectiveSpecJson;

        var marks = EnvironmentDefaultMarks.For(spec, SecretMasker.Fingerprint(defaults)!.ToJsonString());

        Assert.Empty(marks.Paths);
        Assert.Empty(marks.MarkedLines);
    }

    [Fact]
    public void A_list_equal_to_the_default_marks_each_of_its_lines()
    {
        var defaults = """{"spec":{"job":{"args":["--a","--b"]}}}""";
        var spec = """{"job":{"args":["--a","--b"],"parallelism":2}}""";

        var marks = EnvironmentDefaultMarks.For(spec, defaults);

        Assert.Equal(["job.args"], marks.Paths);
        Assert.Equal("  args:\n    - --a\n    - --b", Lines(marks));
    }

    [Fact]
    public void A_key_that_only_starts_like_a_marked_one_is_not_marked()
    {
        var defaults = """{"spec":{"image":"flink:1.20"}}""";
        var spec = """{"image":"flink:1.20","imagePullPolicy":"Always"}""";

        Assert.Equal("image: flink:1.20", Lines(EnvironmentDefaultMarks.For(spec, defaults)));
    }

    [Fact]
    public void Without_defaults_nothing_is_marked_and_the_spec_is_still_shown()
    {
        var marks = EnvironmentDefaultMarks.For("""{"image":"flink:1.20"}""", null);

        Assert.False(marks.HasDefaults);
        Assert.Empty(marks.Paths);
        Assert.Equal("image: flink:1.20", marks.Yaml);
    }

    [Fact]
    public void The_api_gets_the_same_paths()
    {
        var spec = RealisticSpec.Basic().WithEnvironmentDefaults().Build().EffectiveSpecJson;

        Assert.Equal(EnvironmentDefaultMarks.For(spec, FingerprintedDefaults).Paths, EnvironmentDefaultMarks.MatchingPaths(spec, FingerprintedDefaults));
    }
}
