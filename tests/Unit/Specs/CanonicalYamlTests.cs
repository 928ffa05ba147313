using System.Text.Json.Nodes;
using Cmf.Core.Specs;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Specs;

public class CanonicalYamlTests
{
    public static TheoryData<string> TrickyStrings { get; } =
    [
        "2", "1.0", "-1", "+1", ".5", "1e5", "0x1F", "0o17", "017", "1_000", "1:20", "2024-06-05", "2024-06-05T14:52:28Z",
        ".inf", "-.inf", ".nan", "true", "True", "FALSE", "on", "Off", "yes", "no", "y", "N", "null", "Null", "~", "",
        " leading", "trailing ", " ", "- x", "-", "--", "---", "...", "-Xmx1g", "a: b", "a:", "key: value: more", "#x", "a #b", "a#b",
        "? x", "?", ":x", "*alias", "&anchor", "!tag", "%x", "@x", "`x", "'quoted'", "\"quoted\"", "{a}", "[a]", "a,b", "|", ">",
        "<<", "=", "<script>alert(1)</script>", "C:\\path\\to", "x\ny", "x\ny\n", "x\n\ny", "\nx", "x\n\n", "\n", " x\ny",
        "x\n  ", "x\n y", "x\r\ny", "tab\there", "\t", "é", "日本", "שלום", "😀", "👩‍💻", "\u202Eevil", "zero\u200Bwidth",
        "\u0000", "\u0085", "\u2028", "\uFEFFbom", "flink:2.2", "local:///opt/flink/a.jar", "file:///flink-data/ha",
        "<sealed:0123456789abcdef>",
    ];

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void A_tricky_string_value_reads_back_as_the_same_string(string text)
    {
        var document = new JsonObject { ["value"] = text };

        Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void A_tricky_string_key_reads_back_as_the_same_key(string key)
    {
        var document = new JsonObject { [key] = 1 };

        Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void A_tricky_string_in_a_list_reads_back_as_the_same_string(string text)
    {
        var document = new JsonObject { ["list"] = new JsonArray(text, new JsonObject { ["k"] = text }) };

        Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
    }

    [Theory]
    [InlineData("2", "\"2\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData(" x", "\" x\"")]
    [InlineData("\u202Eevil", "\"\\u202Eevil\"")]
    [InlineData("a\r\nb", "\"a\\r\\nb\"")]
    [InlineData("flink:2.2", "flink:2.2")]
    [InlineData("2048m", "2048m")]
    [InlineData("-Xmx1g", "-Xmx1g")]
    [InlineData("--input", "--input")]
    [InlineData("---", "\"---\"")]
    [InlineData("n", "\"n\"")]
    [InlineData("😀 שלום", "😀 שלום")]
    public void Strings_are_quoted_only_when_plain_text_would_change_their_meaning(string text, string written)
    {
        Assert.Equal("k: " + written + "\n", CanonicalYaml.Render(new JsonObject { ["k"] = text }));
    }

    [Fact]
    public void Each_line_names_the_path_of_the_member_or_item_it_writes()
    {
        var document = Json.Object("""
            {"flinkConfiguration":{"state.backend.type":"rocksdb"},"job":{"args":["--a",{"k":"v"}],"parallelism":2},"log":"a\nb\n"}
            """);

        var lines = CanonicalYaml.RenderLines(document);

        Assert.Equal(CanonicalYaml.Render(document), string.Concat(lines.Select(l => l.Text + "\n")));
        Assert.Equal(
        [
            "flinkConfiguration: | flinkConfiguration",
            "  state.backend.type: rocksdb | flinkConfiguration[\"state.backend.type\"]",
            "job: | job",
            "  args: | job.args",
            "    - --a | job.args[0]",
            "    - k: v | job.args[1].k",
            "  parallelism: 2 | job.parallelism",
            "log: | | log",
            "  a | log",
            "  b | log",
        ], lines.Select(l => $"{l.Text} | {l.Path}"));
    }

    [Fact]
    public void Multi_line_text_is_a_literal_block()
    {
        var yaml = CanonicalYaml.Render(new JsonObject { ["log"] = "rootLogger.level = INFO\n\nappender.console.type = Console\n" });

        Assert.Equal("log: |\n  rootLogger.level = INFO\n\n  appender.console.type = Console\n", yaml);
    }

    [Fact]
    public void Multi_line_text_without_a_final_line_break_strips_it()
    {
        Assert.Equal("- |-\n  a\n  b\n", CanonicalYaml.Render(new JsonArray("a\nb")));
    }

    [Fact]
    public void Keys_are_sorted_one_per_line_with_nested_blocks()
    {
        var yaml = CanonicalYaml.Render(Json.Node("""{"job":{"upgradeMode":"savepoint","parallelism":2},"image":"flink:2.2","args":["--a",{"x":1,"w":[]}]}"""));

        Assert.Equal(
            """
            args:
              - --a
              - w: []
                x: 1
            image: flink:2.2
            job:
              parallelism: 2
              upgradeMode: savepoint

            """.ReplaceLineEndings("\n"),
            yaml);
    }

    [Fact]
    public void Nulls_are_left_out_and_empty_collections_are_written_inline()
    {
        var yaml = CanonicalYaml.Render(Json.Node("""{"a":null,"b":{},"c":[],"d":{"e":null},"f":[null]}"""));

        Assert.Equal("b: {}\nc: []\nd: {}\nf:\n  - null\n", yaml);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1E5")]
    [InlineData("-0")]
    [InlineData("0.10")]
    public void Numbers_are_written_as_written(string number)
    {
        Assert.Equal("value: " + number + "\n", CanonicalYaml.Render(Json.Node("{\"value\":" + number + "}")));
    }

    [Fact]
    public void Nested_lists_read_back_the_same()
    {
        var document = Json.Node("""{"m":[[1,[2,{"a":[3]}]],[],{}],"e":{"f":{"g":[{"h":{}}]}}}""")!;

        Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
    }

    [Fact]
    public void A_key_longer_than_yaml_allows_inline_uses_the_explicit_form()
    {
        var key = new string('k', 1500);
        var document = new JsonObject { [key] = new JsonObject { ["a"] = 1 } };

        var yaml = CanonicalYaml.Render(document);

        Assert.StartsWith("? " + key + "\n:\n  a: 1", yaml);
        Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
    }

    [Theory]
    [InlineData("null", "null\n")]
    [InlineData("{}", "{}\n")]
    [InlineData("[]", "[]\n")]
    [InlineData("\"on\"", "\"on\"\n")]
    [InlineData("7", "7\n")]
    public void A_root_that_is_not_a_filled_object_or_list_is_one_line(string json, string yaml)
    {
        Assert.Equal(yaml, CanonicalYaml.Render(Json.Node(json)));
    }

    [Theory]
    [MemberData(nameof(ReferenceExamples))]
    public void Every_reference_example_reads_back_to_the_same_json(string file)
    {
        foreach (var document in YamlDocuments.ReadAll(ReferenceFiles.FkoExample(file)))
        {
            Assert.Equal(CanonicalJson.Serialize(document), RoundTrip(document));
        }
    }

    [Fact]
    public void The_same_content_in_another_key_order_renders_the_same()
    {
        Assert.Equal(
            CanonicalYaml.Render(Json.Node("""{"b":{"y":1,"x":2},"a":3}""")),
            CanonicalYaml.Render(Json.Node("""{"a":3,"b":{"x":2,"y":1}}""")));
    }

    public static TheoryData<string> ReferenceExamples() => [.. ReferenceFiles.FkoExamples];

    private static string RoundTrip(JsonNode document) =>
        CanonicalJson.Serialize(YamlDocuments.ReadAll(CanonicalYaml.Render(document)).Single());
}
