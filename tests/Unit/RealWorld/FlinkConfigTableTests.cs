namespace Cmf.UnitTests.RealWorld;

public sealed class FlinkConfigTableTests
{
    [Fact]
    public void Rows_become_keys_without_their_bold_marks_and_trimmed_values()
    {
        var options = FlinkConfigTable.Read("""
            | **kubernetes.cluster-id**        | orders                |
            | **kubernetes.jobmanager.replicas** | 1 |
            """);

        Assert.Equal([("kubernetes.cluster-id", "orders"), ("kubernetes.jobmanager.replicas", "1")], options.Select(o => (o.Key, o.Value)));
    }

    [Fact]
    public void A_map_option_is_split_at_commas_and_at_each_first_colon()
    {
        var map = FlinkConfigTable.ReadMap("name:orders, kind:FlinkDeployment,url:http://x:8081");

        Assert.Equal([("name", "orders"), ("kind", "FlinkDeployment"), ("url", "http://x:8081")], map.Select(m => (m.Key, m.Value)));
    }

    [Theory]
    [InlineData("| key | value", "configuration table line 1: expected a row '| key | value |', found \"| key | value\"")]
    [InlineData("| a | 1 |\n| a | 2 |", "configuration table line 2: the key a is given twice")]
    [InlineData("| ** | 1 |", "configuration table line 1: the key is empty")]
    public void A_malformed_table_is_refused_with_its_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FlinkConfigTable.Read(text));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_map_entry_without_a_colon_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => FlinkConfigTable.ReadMap("name:orders,controller"));

        Assert.Equal("map option: expected key:value, found \"controller\"", error.Message);
    }
}
