using Cmf.Dashboard.Api;

namespace Cmf.UnitTests.Api;

/// <summary>The filter grammar on its own: what each form parses to, and the message for what it refuses.</summary>
public sealed class CmfFilterParserTests
{
    private static string Describe(CmfFilter filter) =>
        string.Join(" & ", filter.Requirements.Select(r => $"{r.Key} {r.Operator} [{string.Join("|", r.Values)}]"));

    [Theory]
    [InlineData("name=foo*bar", "name Equal [foo*bar]")]
    [InlineData("labels.key = value", "labels.key Equal [value]")]
    [InlineData("labels.key == value", "labels.key Equal [value]")]
    [InlineData("labels.key != value", "labels.key NotEqual [value]")]
    [InlineData("labels.key in (value1, value2)", "labels.key In [value1|value2]")]
    [InlineData("labels.key notin (value1, value2)", "labels.key NotIn [value1|value2]")]
    [InlineData("labels.key", "labels.key Exists []")]
    [InlineData("!labels.key", "labels.key DoesNotExist []")]
    [InlineData("! labels.key", "labels.key DoesNotExist []")]
    [InlineData("state in(RUNNING,FAILED)", "state In [RUNNING|FAILED]")]
    [InlineData("name=foo*bar,labels.environment in (production, qa),!labels.development",
        "name Equal [foo*bar] & labels.environment In [production|qa] & labels.development DoesNotExist []")]
    [InlineData("labels.app.kubernetes.io/name=orders", "labels.app.kubernetes.io/name Equal [orders]")]
    [InlineData("name=in", "name Equal [in]")]
    [InlineData("in in (in)", "in In [in]")]
    public void Each_form_parses_to_its_requirement(string text, string expected)
    {
        var error = CmfFilterParser.TryParse(text, out var filter);

        Assert.Null(error);
        Assert.Equal(expected, Describe(filter));
    }

    [Theory]
    [InlineData("state in (RUNNING", "'(' at position 10 is never closed")]
    [InlineData("state in (RUNNING,", "'(' at position 10 is never closed")]
    [InlineData("state=RUNNING)", "')' at position 14 closes nothing")]
    [InlineData(")", "')' at position 1 closes nothing")]
    [InlineData("state in (A, (B))", "'(' at position 14 inside the list opened at 10")]
    [InlineData("(name=a)", "'(' at position 1 where it expects a key")]
    [InlineData("name=a,,name=b", "',' at position 8 where it expects a key")]
    [InlineData("name=a,", "ends with ',' at position 7")]
    [InlineData("name=", "ends after '=' at position 5")]
    [InlineData("state in", "ends after 'in' at position 7")]
    [InlineData("!", "ends after '!'")]
    [InlineData("name=a b", "'b' at position 8 where it expects a ','")]
    [InlineData("name=(a)", "'(' at position 6 where it expects a value after '='")]
    [InlineData("state between (A)", "'between' at position 7 where it expects =, !=, in or notin")]
    [InlineData("state in ()", "empty list at position 10; in needs at least one value")]
    [InlineData("state in (A,)", "')' at position 13 where it expects a value")]
    [InlineData("name~a", "character it does not allow at position 5: '~'")]
    [InlineData("name=a\tb", "position 7: U+0009")]
    [InlineData("   ", "filter is empty")]
    public void A_malformed_filter_is_refused_with_where_and_why(string text, string expected)
    {
        var error = CmfFilterParser.TryParse(text, out _);

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_over_the_length_limit_is_refused_before_it_is_read()
    {
        var error = CmfFilterParser.TryParse("name=" + new string('(', CmfFilterParser.MaxLength), out _);

        Assert.Equal($"filter is {CmfFilterParser.MaxLength + 5} characters long; it may be at most {CmfFilterParser.MaxLength}.", error);
    }

    [Fact]
    public void Deep_parentheses_within_the_length_limit_stop_at_the_first_one_that_nests()
    {
        var error = CmfFilterParser.TryParse("state in " + new string('(', CmfFilterParser.MaxLength - 9), out _);

        Assert.Contains("'(' at position 11 inside the list opened at 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_expressions_or_values_than_the_limits_are_refused()
    {
        var expressions = string.Join(',', Enumerable.Range(0, CmfFilterParser.MaxRequirements + 1).Select(i => $"l{i}"));
        var values = $"s in ({string.Join(',', Enumerable.Range(0, CmfFilterParser.MaxValues + 1).Select(i => $"v{i}"))})";

        Assert.Contains($"more than {CmfFilterParser.MaxRequirements} expressions", CmfFilterParser.TryParse(expressions, out _), StringComparison.Ordinal);
        Assert.Contains($"more than {CmfFilterParser.MaxValues} values", CmfFilterParser.TryParse(values, out _), StringComparison.Ordinal);
        Assert.Null(CmfFilterParser.TryParse(string.Join(',', Enumerable.Range(0, CmfFilterParser.MaxRequirements).Select(i => $"l{i}")), out _));
    }

    [Theory]
    [InlineData("foo*bar", "foo-bar", true)]
    [InlineData("foo*bar", "foobar", true)]
    [InlineData("foo*bar", "foo-qa-bar", true)]
    [InlineData("foo*bar", "foo-baz", false)]
    [InlineData("foo*bar", "xfoo-bar", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("a*a", "aa", true)]
    [InlineData("*", "", true)]
    [InlineData("*o*o*", "foo", true)]
    [InlineData("*o*o*", "fo", false)]
    [InlineData("prod", "prod", true)]
    [InlineData("prod", "prod-orders", false)]
    [InlineData("pr*d*s", "prod-orders", true)]
    public void A_name_pattern_matches_whole_names_with_star_for_any_run(string pattern, string name, bool matches) =>
        Assert.Equal(matches, CmfNamePattern.Matches(pattern, name));

    [Theory]
    [InlineData("state=running", "state Equal [RUNNING]")]
    [InlineData("state in (failed, Running)", "state In [FAILED|RUNNING]")]
    public void Enum_values_are_spelled_as_the_api_writes_them(string text, string expected)
    {
        Assert.Null(CmfFilterParser.TryParse(text, out var parsed));

        Assert.Null(CmfFilterFields.Applications.Check(parsed, out var spelled));

        Assert.Equal(expected, Describe(spelled));
    }
}
