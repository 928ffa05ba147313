namespace Cmf.UnitTests.RealWorld;

public sealed class RealWorldFileTests
{
    private const string Yaml = """
        # source: somewhere
        # state: RUNNING
        kind: FlinkDeployment
        metadata:
          name: orders
        """;

    [Fact]
    public void The_opening_comment_lines_are_the_header_and_the_rest_is_the_body()
    {
        var file = RealWorldFile.FromText("x.yaml", Yaml);

        Assert.Equal(["# source: somewhere", "# state: RUNNING"], file.Header);
        Assert.Equal("kind: FlinkDeployment\nmetadata:\n  name: orders", file.Body);
    }

    [Fact]
    public void Yaml_is_read_with_the_header_as_comments()
    {
        var document = RealWorldFile.FromText("x.yaml", Yaml).YamlObject();

        Assert.Equal(("FlinkDeployment", "orders"), (Nodes.Text(document, "kind"), Nodes.Text(document, "metadata", "name")));
    }

    [Fact]
    public void Malformed_yaml_is_refused_with_its_line_in_the_file()
    {
        var file = RealWorldFile.FromText("x.yaml", "# source: somewhere\nkind: [FlinkDeployment\n");

        var error = Assert.Throws<FormatException>(() => file.YamlDocuments());

        // The flow sequence opened on line 2 is found unclosed where the text ends, on line 3 of the whole file.
        Assert.StartsWith("YAML line 3, column 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_python_fixture_is_read_as_the_dict_it_assigns()
    {
        var dict = RealWorldFile.FromText("x.py", "# source: airflow\nFIXTURE = {'kind': 'FlinkDeployment',}\n").PythonDict();

        Assert.Equal("FlinkDeployment", Nodes.Text(dict, "kind"));
    }

    [Fact]
    public void Nested_reads_follow_object_keys_and_array_indexes_and_give_null_past_the_end()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"a":{"b":[{"c":"x"}]}}""");

        Assert.Equal("x", Nodes.Text(node, "a", "b", "0", "c"));
        Assert.Null(Nodes.At(node, "a", "b", "1", "c"));
        Assert.Null(Nodes.At(node, "a", "missing", "c"));
    }
}
