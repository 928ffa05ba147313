namespace Cmf.UnitTests.Architecture;

/// <summary>The layer checker itself: it must see a reference however it is made, and report what the table forbids.</summary>
public class LayerReferencesTests
{
    private const string Root = "Cmf.UnitTests.Architecture.Fixture";

    private static readonly IReadOnlyList<LayerReference> References = LayerReferences.Find(typeof(LayerReferencesTests).Assembly, Root);

    [Theory]
    [InlineData("BodyOnly")]
    [InlineData("FieldOnly")]
    [InlineData("LambdaOnly")]
    [InlineData("AsyncOnly")]
    public void A_reference_to_another_layer_is_found_however_it_is_made(string layer)
    {
        Assert.Contains(References, r => r.From == layer && r.To == "Upper" && r.Target.EndsWith(".Widget", StringComparison.Ordinal));
    }

    [Fact]
    public void A_layer_that_names_no_other_has_no_references()
    {
        Assert.DoesNotContain(References, r => r.From == "Upper");
    }

    [Fact]
    public void A_reference_the_table_does_not_allow_is_a_violation()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["Upper"] = [],
            ["BodyOnly"] = [],
            ["FieldOnly"] = ["Upper"],
            ["LambdaOnly"] = ["Upper"],
            ["AsyncOnly"] = ["Upper"],
        };

        var violations = LayerRules.Violations(References, allowed);

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(("BodyOnly", "Upper"), (v.From, v.To)));
    }

    [Fact]
    public void A_layer_missing_from_the_table_may_name_nothing()
    {
        var violations = LayerRules.Violations(References, new Dictionary<string, string[]> { ["Upper"] = [] });

        Assert.Equal(new[] { "AsyncOnly", "BodyOnly", "FieldOnly", "LambdaOnly" }, violations.Select(v => v.From).Distinct().Order());
    }

    [Fact]
    public void A_cycle_in_the_table_is_named()
    {
        var cycle = LayerRules.Cycle(new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = [] });

        Assert.Equal("A -> B -> C -> A", cycle);
    }

    [Fact]
    public void The_il_walk_reads_every_token_of_a_body()
    {
        // ldtoken <token>, ret: the walk must step over the four operand bytes and stop at ret.
        byte[] il = [0xD0, 0x78, 0x56, 0x34, 0x12, 0x2A];

        Assert.Equal(new[] { 0x12345678 }, LayerReferences.Tokens(il));
    }
}
