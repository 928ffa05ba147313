using System.Text;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Specs;

public class YamlDocumentsTests
{
    [Theory]
    [InlineData("a: 2", """{"a":2}""")]
    [InlineData("a: '2'", """{"a":"2"}""")]
    [InlineData("a: \"true\"", """{"a":"true"}""")]
    [InlineData("a: true", """{"a":true}""")]
    [InlineData("a: False", """{"a":false}""")]
    [InlineData("a: on", """{"a":"on"}""")]
    [InlineData("a: null", """{"a":null}""")]
    [InlineData("a: ~", """{"a":null}""")]
    [InlineData("a:", """{"a":null}""")]
    [InlineData("a: 1.0", """{"a":1.0}""")]
    [InlineData("a: 1e5", """{"a":1e5}""")]
    [InlineData("a: -0.25", """{"a":-0.25}""")]
    [InlineData("a: +1", """{"a":1}""")]
    [InlineData("a: .5", """{"a":0.5}""")]
    [InlineData("a: 1.", """{"a":1.0}""")]
    [InlineData("a: 007", """{"a":7}""")]
    [InlineData("a: 0x1F", """{"a":31}""")]
    [InlineData("a: 0o17", """{"a":15}""")]
    [InlineData("a: .inf", """{"a":".inf"}""")]
    [InlineData("a: 2048m", """{"a":"2048m"}""")]
    [InlineData("a: v1_17", """{"a":"v1_17"}""")]
    [InlineData("a: !!str 3", """{"a":"3"}""")]
    [InlineData("a: !!int \"3\"", """{"a":3}""")]
    [InlineData("a: ! 3", """{"a":"3"}""")]
    [InlineData("a: |\n  x\n  y\n", """{"a":"x\ny\n"}""")]
    [InlineData("a: >-\n  x\n  y\n", """{"a":"x y"}""")]
    [InlineData("a: [1, '1', x]", """{"a":[1,"1","x"]}""")]
    [InlineData("\"1\": x", """{"1":"x"}""")]
    public void Plain_scalars_are_typed_by_the_yaml_1_2_core_schema_and_quoted_ones_stay_strings(string yaml, string json)
    {
        var document = YamlDocuments.ReadAll(yaml).Single();

        Assert.Equal(json, document.ToJsonString());
    }

    [Fact]
    public void Documents_are_read_in_order_and_empty_ones_are_skipped()
    {
        var documents = YamlDocuments.ReadAll("a: 1\n---\n---\n# only a comment\n---\nb: 2\n");

        Assert.Equal(["""{"a":1}""", """{"b":2}"""], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void Aliases_are_expanded_into_copies()
    {
        var document = YamlDocuments.ReadAll("base: &r {cpu: 1}\njm: *r\ntm: *r\n").Single();

        Assert.Equal("""{"base":{"cpu":1},"jm":{"cpu":1},"tm":{"cpu":1}}""", document.ToJsonString());
    }

    [Fact]
    public void An_alias_bomb_is_refused()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [");
            yaml.AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            yaml.Append("]\n");
        }

        var error = Assert.Throws<FormatException>(() => YamlDocuments.ReadAll(yaml.ToString()));

        Assert.Contains("aliases expand the document beyond", error.Message);
    }

    [Fact]
    public void A_duplicate_key_is_refused_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.ReadAll("a: 1\nb: 2\na: 3\n"));

        Assert.Equal("YAML line 3, column 1: duplicate key \"a\"", error.Message);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.ReadAll("a: [1, 2\nb: 3\n"));

        Assert.StartsWith("YAML line ", error.Message);
    }

    [Fact]
    public void A_key_that_is_not_a_scalar_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => YamlDocuments.ReadAll("? [a, b]\n: c\n"));

        Assert.Contains("only scalar keys", error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var yaml = new string('[', YamlDocuments.MaxDepth + 2) + new string(']', YamlDocuments.MaxDepth + 2);

        var error = Assert.Throws<FormatException>(() => YamlDocuments.ReadAll(yaml));

        Assert.Contains("nested deeper than", error.Message);
    }
}
