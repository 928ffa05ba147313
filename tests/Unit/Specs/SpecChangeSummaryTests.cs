using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

/// <summary>What one line says an instance changed, and which kinds of field it files the change under.</summary>
public sealed class SpecChangeSummaryTests
{
    private const string Base = """
        {"flinkConfiguration":{"parallelism.default":"2","state.backend.type":"rocksdb","taskmanager.numberOfTaskSlots":"2"},
         "flinkVersion":"v1_20","image":"flink:1.20.1",
         "job":{"jarURI":"local:///opt/flink/job.jar","parallelism":3,"upgradeMode":"savepoint"},
         "jobManager":{"resource":{"cpu":1,"memory":"2048m"}},
         "taskManager":{"replicas":2,"resource":{"cpu":1,"memory":"2048m"}}}
        """;

    public static TheoryData<string, string, string, SpecChangeKinds> Changes => new()
    {
        { "image", """{"image":"flink:1.20.2"}""", "image flink:1.20.1 -> 1.20.2", SpecChangeKinds.Image },
        { "image from another repository", """{"image":"registry.example/flink:2.0"}""", "image flink:1.20.1 -> registry.example/flink:2.0", SpecChangeKinds.Image },
        { "Flink version", """{"flinkVersion":"v2_0"}""", "Flink version v1_20 -> v2_0", SpecChangeKinds.FlinkVersion },
        { "job parallelism", """{"job":{"parallelism":4}}""", "parallelism 3 -> 4", SpecChangeKinds.Parallelism },
        { "task manager replicas", """{"taskManager":{"replicas":3}}""", "taskManager.replicas 2 -> 3", SpecChangeKinds.Parallelism },
        { "parallelism.default", """{"flinkConfiguration":{"parallelism.default":"4"}}""", "flinkConfiguration parallelism.default 2 -> 4",
            SpecChangeKinds.Parallelism | SpecChangeKinds.Configuration },
        { "jobvertex overrides", """{"flinkConfiguration":{"pipeline.jobvertex-parallelism-overrides":"a:2"}}""",
            "flinkConfiguration pipeline.jobvertex-parallelism-overrides set to a:2", SpecChangeKinds.Parallelism | SpecChangeKinds.Configuration },
        { "task manager memory", """{"taskManager":{"resource":{"memory":"4096m"}}}""", "taskManager.resource.memory 2048m -> 4096m", SpecChangeKinds.Resources },
        { "job manager cpu", """{"jobManager":{"resource":{"cpu":2}}}""", "jobManager.resource.cpu 1 -> 2", SpecChangeKinds.Resources },
        { "configuration key", """{"flinkConfiguration":{"taskmanager.numberOfTaskSlots":"4"}}""", "flinkConfiguration taskmanager.numberOfTaskSlots 2 -> 4",
            SpecChangeKinds.Configuration },
        { "configuration key removed", """{"flinkConfiguration":{"state.backend.type":null}}""", "flinkConfiguration state.backend.type removed (was rocksdb)",
            SpecChangeKinds.Configuration },
        { "upgrade mode", """{"job":{"upgradeMode":"last-state"}}""", "job.upgradeMode savepoint -> last-state", SpecChangeKinds.Other },
        { "the issue's example", """{"image":"flink:1.20.2","job":{"parallelism":4}}""", "image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4",
            SpecChangeKinds.Image | SpecChangeKinds.Parallelism },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_is_said_in_one_line_and_filed_under_its_kinds(string _, string patch, string summary, SpecChangeKinds kinds)
    {
        var change = SpecChangeSummary.Between(Base, Patched(patch));

        Assert.Equal(summary, change.Summary);
        Assert.Equal(kinds, change.Kinds);
    }

    [Fact]
    public void Nested_configuration_keys_read_as_flink_reads_them_and_are_kept_for_the_key_filter()
    {
        var change = SpecChangeSummary.Between(Base, Patched("""{"flinkConfiguration":{"execution":{"checkpointing":{"interval":"10s"}}}}"""));

        Assert.Equal("flinkConfiguration execution.checkpointing.interval set to 10s", change.Summary);
        Assert.Equal(["execution.checkpointing.interval"], change.ConfigurationKeys);
    }

    [Fact]
    public void Phrases_follow_the_order_image_version_parallelism_resources_configuration_other()
    {
        var change = SpecChangeSummary.Between(Base, Patched(
            """{"job":{"upgradeMode":"stateless"},"flinkConfiguration":{"a.b":"1"},"taskManager":{"resource":{"cpu":2}},"job2":1,"flinkVersion":"v2_0","image":"flink:2.0"}"""));

        Assert.Equal(
            "image flink:1.20.1 -> 2.0, Flink version v1_20 -> v2_0, taskManager.resource.cpu 1 -> 2, flinkConfiguration a.b set to 1, "
            + "job.upgradeMode savepoint -> stateless, job2 set to 1",
            change.Summary);
    }

    [Fact]
    public void A_changed_secret_reads_secret_changed_and_never_its_token()
    {
        var before = Fingerprinted(Patched("""{"flinkConfiguration":{"s3.secret-key":"old-secret"}}"""));
        var after = Fingerprinted(Patched("""{"flinkConfiguration":{"s3.secret-key":"new-secret"}}"""));

        var change = SpecChangeSummary.Between(before, after);

        Assert.Equal("flinkConfiguration s3.secret-key secret changed", change.Summary);
        Assert.DoesNotContain("sealed", change.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("old-secret", change.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("new-secret", change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_inside_a_string_is_not_shown_even_masked()
    {
        var before = Fingerprinted(Patched("""{"job":{"jarURI":"https://ci:old-pass@repo.example/job.jar"}}"""));
        var after = Fingerprinted(Patched("""{"job":{"jarURI":"https://ci:new-pass@repo.example/job.jar"}}"""));

        var change = SpecChangeSummary.Between(before, after);

        Assert.Equal("job.jarURI secret changed", change.Summary);
    }

    [Fact]
    public void An_added_secret_says_so_without_a_value()
    {
        var change = SpecChangeSummary.Between(Fingerprinted(Base), Fingerprinted(Patched("""{"flinkConfiguration":{"db.password":"hunter2"}}""")));

        Assert.Equal("flinkConfiguration db.password secret added", change.Summary);
    }

    [Fact]
    public void Long_values_are_cut_and_the_line_is_bounded_with_a_count_of_what_was_left_out()
    {
        var patch = new JsonObject();
        for (var i = 0; i < 40; i++)
        {
            patch[$"key{i:00}"] = new string('v', 200);
        }
        var change = SpecChangeSummary.Between(Base, Patched(new JsonObject { ["flinkConfiguration"] = patch }.ToJsonString()));

        Assert.True(change.Summary.Length <= SpecChange.MaxSummaryLength, change.Summary);
        Assert.Matches(@", and \d+ more$", change.Summary);
        Assert.Contains(new string('v', SpecChangeSummary.MaxValueLength - 1) + "…", change.Summary, StringComparison.Ordinal);
        Assert.Equal(SpecChange.MaxConfigurationKeys, change.ConfigurationKeys.Count);
    }

    [Fact]
    public void Line_breaks_and_control_characters_in_values_become_spaces()
    {
        var change = SpecChangeSummary.Between(Base, Patched("""{"image":"evil\nline\u0007two"}"""));

        Assert.Equal("image flink:1.20.1 -> evil line two", change.Summary);
    }

    [Fact]
    public void Equal_specs_change_nothing()
    {
        var change = SpecChangeSummary.Between(Base, Base);

        Assert.Same(SpecChange.NoChange, change);
    }

    [Fact]
    public void An_unreadable_stored_spec_compares_as_empty_rather_than_failing()
    {
        var change = SpecChangeSummary.Between("not json", """{"image":"flink:1.20.1"}""");

        Assert.Equal("image set to flink:1.20.1", change.Summary);
    }

    private static string Patched(string patch)
    {
        var spec = JsonNode.Parse(Base)!.AsObject();
        Merge(spec, JsonNode.Parse(patch)!.AsObject());
        return spec.ToJsonString();
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static string Fingerprinted(string json) => SecretMasker.Fingerprint(JsonNode.Parse(json))!.ToJsonString();
}
