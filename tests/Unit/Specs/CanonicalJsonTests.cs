using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class CanonicalJsonTests
{
    private const string Sample = """
        {"spec":{"job":{"parallelism":2,"args":["--in","é😀",null]},"image":"flink:2.2","cpu":1.0,
         "flinkConfiguration":{"state":{"checkpoints.dir":"s3://cp"},"taskmanager.numberOfTaskSlots":"2"}},
         "metadata":{"name":"orders","labels":{}}}
        """;

    [Fact]
    public void Keys_are_sorted_by_ordinal_order_at_every_depth()
    {
        var json = CanonicalJson.Serialize(Json.Node("""{"b":1,"a":{"z":1,"B":2,"aa":3,"a":4},"A":0}"""));

        Assert.Equal("""{"A":0,"a":{"B":2,"a":4,"aa":3,"z":1},"b":1}""", json);
    }

    [Fact]
    public void Null_members_are_removed_at_every_depth()
    {
        var json = CanonicalJson.Serialize(Json.Node("""{"a":null,"b":{"c":null},"d":[{"e":null,"f":1}]}"""));

        Assert.Equal("""{"b":{},"d":[{"f":1}]}""", json);
    }

    [Fact]
    public void Nulls_inside_arrays_are_kept_in_place()
    {
        var json = CanonicalJson.Serialize(Json.Node("""{"args":["a",null,"b"]}"""));

        Assert.Equal("""{"args":["a",null,"b"]}""", json);
    }

    [Fact]
    public void Array_order_is_kept()
    {
        Assert.Equal("""[3,1,2]""", CanonicalJson.Serialize(Json.Node("[3, 1, 2]")));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1E5")]
    [InlineData("1e-7")]
    [InlineData("-0")]
    [InlineData("0.10")]
    [InlineData("123456789012345678901234567890")]
    public void Numbers_are_kept_as_written(string number)
    {
        Assert.Equal("{\"n\":" + number + "}", CanonicalJson.Serialize(Json.Node("{\"n\": " + number + "}")));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("\"true\"")]
    [InlineData("\"null\"")]
    [InlineData("\"1.0\"")]
    public void Strings_that_look_like_other_values_stay_strings(string json)
    {
        Assert.Equal("[" + json + "]", CanonicalJson.Serialize(Json.Node("[" + json + "]")));
    }

    [Theory]
    [InlineData("héllo wörld")]
    [InlineData("日本語のジョブ")]
    [InlineData("שלום עולם")]
    [InlineData("مرحبا")]
    [InlineData("emoji 😀🚀👩‍💻")]
    [InlineData("<script>alert('x')</script> & more")]
    public void Visible_unicode_and_html_characters_are_written_literally(string text)
    {
        var json = CanonicalJson.Serialize(new JsonArray(text));

        Assert.Equal("[\"" + text + "\"]", json);
    }

    [Theory]
    [InlineData("\u202E", "\\u202E")]
    [InlineData("\u200B", "\\u200B")]
    [InlineData("\u200F", "\\u200F")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\u007F", "\\u007F")]
    [InlineData("\u0007", "\\u0007")]
    [InlineData("\n\t\r", "\\n\\t\\r")]
    [InlineData("\"\\", "\\\"\\\\")]
    public void Characters_json_requires_or_a_reader_cannot_see_are_escaped(string text, string escaped)
    {
        Assert.Equal("[\"" + escaped + "\"]", CanonicalJson.Serialize(new JsonArray(text)));
    }

    [Fact]
    public void Escaped_input_is_written_in_the_one_canonical_spelling()
    {
        Assert.Equal("[\"é😀\"]", CanonicalJson.Serialize(Json.Node("[\"\\u00e9\\ud83d\\ude00\"]")));
    }

    [Fact]
    public void Output_is_compact()
    {
        var json = CanonicalJson.Serialize(Json.Node("{ \"a\" : [ 1 , { \"b\" : 2 } ] }"));

        Assert.Equal("""{"a":[1,{"b":2}]}""", json);
    }

    [Fact]
    public void Deep_nesting_is_written()
    {
        JsonNode node = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 200; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        var json = CanonicalJson.Serialize(node);

        Assert.Equal(string.Concat(Enumerable.Repeat("{\"n\":", 200)) + "{\"leaf\":1}" + new string('}', 200), json);
    }

    [Fact]
    public void The_same_content_in_another_key_order_gives_the_same_text()
    {
        var first = CanonicalJson.Serialize(Json.Node("""{"job":{"parallelism":2,"jarURI":"x"},"image":"flink"}"""));
        var second = CanonicalJson.Serialize(Json.Node("""{"image":"flink","job":{"jarURI":"x","parallelism":2}}"""));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Canonical_text_is_a_fixed_point()
    {
        var once = CanonicalJson.Serialize(Json.Node(Sample));

        Assert.Equal(once, CanonicalJson.Serialize(JsonNode.Parse(once)));
    }

    [Fact]
    public void Bytes_and_text_agree()
    {
        var spec = Json.Node(Sample);

        Assert.Equal(CanonicalJson.Serialize(spec), System.Text.Encoding.UTF8.GetString(CanonicalJson.SerializeToUtf8Bytes(spec)));
    }

    [Fact]
    public void Values_built_in_code_are_written_like_parsed_ones()
    {
        var built = new JsonObject { ["b"] = 2, ["a"] = "x", ["c"] = true };

        Assert.Equal("""{"a":"x","b":2,"c":true}""", CanonicalJson.Serialize(built));
    }
}
