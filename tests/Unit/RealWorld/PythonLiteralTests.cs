using System.Text.Json.Nodes;

namespace Cmf.UnitTests.RealWorld;

public sealed class PythonLiteralTests
{
    [Fact]
    public void Dicts_lists_tuples_and_constants_become_json()
    {
        var value = PythonLiteral.Parse("""{"a": [1, 2.5, -3], 'b': (True, False, None), "c": {}, "d": []}""");

        Assert.Equal("""{"a":[1,2.5,-3],"b":[true,false,null],"c":{},"d":[]}""", value!.ToJsonString());
    }

    [Fact]
    public void Trailing_commas_comments_and_line_breaks_are_allowed()
    {
        var value = PythonLiteral.Parse("""
            # a fixture
            {
                "a": [1, 2,],  # two items
                "b": {"c": 3,},
            }
            """);

        Assert.Equal("""{"a":[1,2],"b":{"c":3}}""", value!.ToJsonString());
    }

    [Theory]
    [InlineData("()", "[]")]
    [InlineData("(1,)", "[1]")]
    [InlineData("(1, 'x')", """[1,"x"]""")]
    [InlineData("(1)", "1")]
    public void Parentheses_make_a_tuple_only_with_a_comma_or_when_empty(string text, string json)
    {
        Assert.Equal(json, PythonLiteral.Parse(text)!.ToJsonString());
    }

    [Theory]
    [InlineData("""'single'""", "single")]
    [InlineData(""" "double" """, "double")]
    [InlineData("""'it\'s'""", "it's")]
    [InlineData(""" "say \"hi\"" """, "say \"hi\"")]
    [InlineData("""'a\\nb'""", "a\\nb")]
    [InlineData("""'a\nb\tc'""", "a\nb\tc")]
    [InlineData("""'\x41\u00e9\U0001F600\101'""", "A\u00e9\U0001F600A")]
    [InlineData("""'keep \d'""", "keep \\d")]
    [InlineData("""r'\n\''""", "\\n\\'")]
    [InlineData("""'''tri'ple'''""", "tri'ple")]
    [InlineData("""'a' "b" 'c'""", "abc")]
    public void Strings_are_read_with_both_quote_styles_and_python_escapes(string text, string expected)
    {
        Assert.Equal(expected, PythonLiteral.Parse(text)!.GetValue<string>());
    }

    [Fact]
    public void Adjacent_string_literals_on_separate_lines_are_joined()
    {
        var value = PythonLiteral.Parse("""
            {"error": "first half, "
                      'second half'}
            """);

        Assert.Equal("first half, second half", value!["error"]!.GetValue<string>());
    }

    [Fact]
    public void A_backslash_at_the_end_of_a_line_continues_the_string()
    {
        Assert.Equal("ab", PythonLiteral.Parse("'a\\\nb'")!.GetValue<string>());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-42", "-42")]
    [InlineData("1_000", "1000")]
    [InlineData("1664124436834", "1664124436834")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.0", "1.0")]
    [InlineData("1.", "1.0")]
    [InlineData(".5", "0.5")]
    [InlineData("2.5e-3", "2.5e-3")]
    public void Numbers_keep_their_digits_as_json_numbers(string text, string json)
    {
        var value = PythonLiteral.Parse(text)!;

        Assert.Equal(System.Text.Json.JsonValueKind.Number, value.GetValueKind());
        Assert.Equal(json, value.ToJsonString());
    }

    [Fact]
    public void A_repeated_key_keeps_its_last_value_as_python_does()
    {
        Assert.Equal("""{"a":2}""", PythonLiteral.Parse("{'a': 1, 'a': 2}")!.ToJsonString());
    }

    [Fact]
    public void An_assignment_gives_its_name_and_value()
    {
        var (name, value) = PythonLiteral.ParseAssignment("""
            # header comment
            TEST_READY_CLUSTER = {"kind": "FlinkDeployment"}
            """);

        Assert.Equal("TEST_READY_CLUSTER", name);
        Assert.Equal("""{"kind":"FlinkDeployment"}""", value!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"a": 1""", "line 1, column 8: expected ',' or '}', found the end of the text")]
    [InlineData("""{"a" 1}""", "line 1, column 6: expected ':' after a dict key, found '1'")]
    [InlineData("""{1: 2}""", "line 1, column 2: a dict key must be a str")]
    [InlineData("""{"a": foo}""", "line 1, column 7: 'foo' is a name, not a literal")]
    [InlineData("{\n  'a': 'never closed}\n}", "line 2, column 8: a string that is not closed on its line")]
    [InlineData("'never closed", "line 1, column 1: a string that is never closed")]
    [InlineData("[007]", "line 1, column 2: a decimal int cannot start with 0")]
    [InlineData("0x1F", "line 1, column 1: only decimal int and float literals are read")]
    [InlineData("b'bytes'", "line 1, column 1: a bytes literal cannot become JSON text")]
    [InlineData("'\\x4'", "line 1, column 2: expected 2 hex digits after the escape")]
    [InlineData("[1, 2] [3]", "line 1, column 8: unexpected '[' after the literal")]
    [InlineData("", "line 1, column 1: expected a value, found the end of the text")]
    public void Malformed_input_is_refused_with_its_line_and_column(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PythonLiteral.Parse(text));

        Assert.StartsWith("Python literal " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assignment_without_a_name_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PythonLiteral.ParseAssignment("= {}"));

        Assert.Equal("Python literal line 1, column 1: expected a name to assign to", error.Message);
    }

    [Fact]
    public void Nodes_read_from_python_serialise_as_the_same_json_a_parser_would_build()
    {
        var fromPython = PythonLiteral.Parse("{'n': 1.50, 's': 'x', 'l': [None]}")!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"n":1.50,"s":"x","l":[null]}"""), fromPython));
    }
}
