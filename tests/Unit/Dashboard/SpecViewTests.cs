using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class SpecViewTests : DashboardTestContext
{
    [Fact]
    public void Each_line_is_numbered()
    {
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, "a: 1\nb:\n  c: 2\n"));

        Assert.Equal(["1", "2", "3"], cut.FindAll(".spec-view__number").Select(n => n.TextContent));
        Assert.Equal(["a: 1", "b:", "  c: 2"], cut.FindAll(".spec-view__text").Select(n => n.TextContent));
    }

    [Fact]
    public void A_fingerprinted_secret_is_shown_masked_and_its_token_never_reaches_the_markup()
    {
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, new SpecYaml().Build()));

        Assert.Contains(cut.FindAll(".spec-view__text"), line => line.TextContent == "    s3.secret-key: ******");
        Assert.DoesNotContain("sealed", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_copy_button_copies_the_masked_text()
    {
        var module = JSInterop.SetupModule(CopyButton.ModulePath);
        module.Setup<bool>("copyText", _ => true).SetResult(true);
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, "password: <sealed:0123456789abcdef>"));

        cut.Find("button").Click();

        Assert.Equal("password: ******", module.VerifyInvoke("copyText").Arguments[0]);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Hostile_yaml_values_are_shown_as_text(string value)
    {
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, $"labels:\n  note: \"{value}\""));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Equal($"  note: \"{BidiControls.Reveal(value)}\"", cut.FindAll(".spec-view__text")[1].TextContent);
    }

    public static TheoryData<string> HostileValues => HostileText.All;

    [Fact]
    public void No_spec_shows_the_empty_text_and_no_copy_button()
    {
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, null));

        Assert.Equal("No spec recorded.", cut.Find(".spec-view__empty").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void A_right_to_left_override_in_yaml_is_shown_as_a_visible_marker()
    {
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, $"file: \"{HostileText.RightToLeftOverride}\""));

        Assert.Equal("file: \"evil⟨U+202E⟩txt.exe\"", cut.Find(".spec-view__text").TextContent);
    }

    [Fact]
    public void Marked_lines_carry_the_mark_in_words_and_the_copy_leaves_it_out()
    {
        var module = JSInterop.SetupModule(CopyButton.ModulePath);
        module.Setup<bool>("copyText", _ => true).SetResult(true);
        var cut = Render<SpecView>(p => p.Add(c => c.Yaml, "a: 1\nb: 2\nc: 3").Add(c => c.MarkedLines, new HashSet<int> { 1 }));

        var marked = Assert.Single(cut.FindAll(".spec-view__line--marked"));
        Assert.Equal("b: 2", marked.QuerySelector(".spec-view__text")!.TextContent);
        Assert.Equal("from environment defaults", marked.QuerySelector(".spec-view__mark")!.TextContent);
        cut.Find("button").Click();
        Assert.Equal("a: 1\nb: 2\nc: 3", module.VerifyInvoke("copyText").Arguments[0]);
    }
}
