using Bunit;
using Microsoft.AspNetCore.Components;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class SpecDiffViewTests : DashboardTestContext
{
    private static readonly SpecYaml Before = new();

    /// <summary>A large diff runs in the circuit only, off the renderer.</summary>
    public SpecDiffViewTests() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<SpecDiffView> RenderDiff(SpecYaml after, Action<ComponentParameterCollectionBuilder<SpecDiffView>>? more = null) =>
        RenderDiff(Before.Build(), after.Build(), p =>
        {
            p.Add(c => c.OldTitle, "#1").Add(c => c.NewTitle, "#2");
            more?.Invoke(p);
        });

    /// <summary>Renders and waits until the diff is computed (bounded wait, never a timing assertion).</summary>
    private IRenderedComponent<SpecDiffView> RenderDiff(string oldYaml, string newYaml, Action<ComponentParameterCollectionBuilder<SpecDiffView>>? more = null)
    {
        var cut = Render<SpecDiffView>(p =>
        {
            p.Add(c => c.OldYaml, oldYaml).Add(c => c.NewYaml, newYaml);
            more?.Invoke(p);
        });
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".loading-state")), TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public void A_changed_line_is_highlighted_on_both_sides_with_the_changed_word_marked()
    {
        var cut = RenderDiff(Before with { Parallelism = "4" });

        var row = cut.Find(".spec-diff__row--modified");
        Assert.Equal("2", row.QuerySelector(".spec-diff__text--removed mark")!.TextContent);
        Assert.Equal("4", row.QuerySelector(".spec-diff__text--added mark")!.TextContent);
        Assert.Equal(["18", "18"], row.QuerySelectorAll(".spec-diff__number").Select(n => n.TextContent));
    }

    [Fact]
    public void Unchanged_runs_are_folded_behind_buttons_that_say_how_many_lines_they_hide()
    {
        var cut = RenderDiff(Before with { Parallelism = "4" });

        Assert.Equal(["Show 14 hidden lines", "Show 7 hidden lines"], cut.FindAll(".spec-diff__fold button").Select(b => b.TextContent.Trim()));
        Assert.Equal(7, cut.FindAll(".spec-diff__row").Count);
    }

    [Fact]
    public void Expanding_a_fold_shows_its_lines()
    {
        var cut = RenderDiff(Before with { Parallelism = "4" });

        cut.FindAll(".spec-diff__fold button")[0].Click();

        Assert.Single(cut.FindAll(".spec-diff__fold"));
        Assert.Equal(21, cut.FindAll(".spec-diff__row").Count);
    }

    [Fact]
    public void The_inline_toggle_switches_to_one_column_and_tells_the_page()
    {
        bool? reported = null;
        var cut = RenderDiff(Before with { Parallelism = "4" }, p => p.Add(c => c.InlineChanged, value => reported = value));

        cut.Find(".spec-diff__toggle-inline input").Change(true);

        Assert.True(reported);
        Assert.NotNull(cut.Find(".spec-diff__table--inline"));
        Assert.Equal(["removed", "added"], cut.FindAll(".spec-diff__row--removed, .spec-diff__row--added").Select(r => r.ClassList.Contains("spec-diff__row--removed") ? "removed" : "added"));
    }

    [Fact]
    public void The_inline_parameter_opens_the_diff_inline()
    {
        var cut = RenderDiff(Before with { Parallelism = "4" }, p => p.Add(c => c.Inline, true));

        Assert.NotNull(cut.Find(".spec-diff__table--inline"));
    }

    [Fact]
    public void Hiding_the_instance_annotation_removes_its_line_and_tells_the_page()
    {
        bool? reported = null;
        var cut = RenderDiff(Before with { InstanceUid = "22222222-2222-2222-2222-222222222222" },
            p => p.Add(c => c.HideInstanceAnnotationChanged, value => reported = value).Add(c => c.ContextLines, 100));
        Assert.Contains("cmf-fa-instance", cut.Markup, StringComparison.Ordinal);

        cut.Find(".spec-diff__toggle-annotation input").Change(true);

        Assert.True(reported);
        cut.WaitForAssertion(() => Assert.Contains("identical apart from the instance annotation", cut.Find(".spec-diff__identical").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("cmf-fa-instance", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_secret_shows_masked_values_with_a_secret_changed_marker()
    {
        var cut = RenderDiff(Before with { PasswordToken = SpecYaml.NewToken });

        var row = cut.Find(".spec-diff__row--modified");
        Assert.Equal("    s3.secret-key: ******", row.QuerySelector(".spec-diff__text--added")!.TextContent.Replace("secret changed", "", StringComparison.Ordinal));
        Assert.Equal(2, row.QuerySelectorAll(".spec-diff__secret").Length);
    }

    [Fact]
    public void No_fingerprinted_token_appears_anywhere_in_the_diff_markup()
    {
        var cut = RenderDiff(Before with { PasswordToken = SpecYaml.NewToken }, p => p.Add(c => c.ContextLines, 100));

        Assert.DoesNotContain("sealed", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("fedcba9876543210", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_yaml_in_a_diff_is_shown_as_text()
    {
        var cut = RenderDiff(Before with { Image = HostileText.Script + HostileText.ImageOnError });

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Contains(cut.FindAll(".spec-diff__text--added"), cell => cell.TextContent.Contains(HostileText.Script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_counts_added_removed_and_modified_lines()
    {
        var cut = RenderDiff("a: 1\nb: 2\nc: 3", "a: 9\nc: 3\nd: 4\ne: 5");

        Assert.Equal("2 added, 1 removed, 1 modified lines", cut.Find(".spec-diff__summary").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_right_to_left_override_in_a_diff_is_shown_as_a_visible_marker()
    {
        var cut = RenderDiff(Before with { Image = HostileText.RightToLeftOverride });

        Assert.DoesNotContain('\u202E', cut.Find(".spec-diff__row--modified").TextContent);
        Assert.Contains("⟨U+202E⟩", cut.Find(".spec-diff__row--modified .spec-diff__text--added").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerender_does_not_diff_large_specs_and_says_they_are_being_compared()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var large = (Before with { Arg = LongArg.Of(SpecDiffView.ImmediateBytes) }).Build();

        var cut = Render<SpecDiffView>(p => p.Add(c => c.OldYaml, Before.Build()).Add(c => c.NewYaml, large));

        Assert.Equal("Comparing the specs…", cut.Find(".loading-state").TextContent.Trim());
        Assert.Empty(cut.FindAll(".spec-diff__table"));
    }

    [Fact]
    public void Specs_too_large_to_diff_are_linked_for_download_instead()
    {
        var huge = (Before with { Arg = LongArg.Of(Cmf.Dashboard.Model.SpecLineDiffLimits.MaxBytes) }).Build();

        var cut = RenderDiff(Before.Build(), huge, p => p.Add(c => c.OldSpecUrl, "/old.yaml").Add(c => c.NewSpecUrl, "/new.yaml").Add(c => c.NewTitle, "#2"));

        Assert.Contains("too large to diff here", cut.Find(".spec-diff__too-large").TextContent, StringComparison.Ordinal);
        Assert.Equal(["/old.yaml", "/new.yaml"], cut.FindAll("a.spec-diff__download[download]").Select(a => a.GetAttribute("href")));
        Assert.Equal("Download #2 (YAML)", cut.FindAll("a.spec-diff__download")[1].TextContent);
    }
}
