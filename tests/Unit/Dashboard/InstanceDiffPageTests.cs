using Bunit;
using Cmf.Dashboard;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceDiffPageTests : PageTestContext
{
    private IRenderedComponent<InstanceDiff> RenderDiff(SeededApplication app, string query = "") =>
        RenderApplicationPage<InstanceDiff>(app.Key, "/diff" + query);

    /// <summary>#1 with password "first" and parallelism 2, #2 with password "second" and parallelism 4, #3 with an image change.</summary>
    private async Task<SeededApplication> ThreeVersionsAsync()
    {
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders(password: "first", parallelism: 2));
        await app.SpecAsync(SpecJson.Orders(password: "second", parallelism: 4));
        await app.SpecAsync(SpecJson.Orders(password: "second", parallelism: 4, image: "flink:1.20.1"));
        return app;
    }

    private static IReadOnlyList<string> ChangedNewLines(IRenderedComponent<InstanceDiff> cut) =>
        [.. cut.FindAll(".spec-diff__row--modified, .spec-diff__row--added").Select(r => r.QuerySelectorAll(".spec-diff__text")[^1].TextContent.Trim())];

    [Fact]
    public async Task Without_a_choice_the_latest_instance_is_compared_with_the_one_before()
    {
        var app = await ThreeVersionsAsync();

        var cut = RenderDiff(app);

        Assert.Equal(["image: flink:1.20.1"], ChangedNewLines(cut));
    }

    [Fact]
    public async Task A_changed_secret_is_marked_changed_but_never_shown()
    {
        var app = await ThreeVersionsAsync();

        var cut = RenderDiff(app, $"?from={app.InstanceUid(1)}&to={app.InstanceUid(2)}");

        var secretRow = cut.FindAll(".spec-diff__row--modified").Single(r => r.TextContent.Contains("s3.secret-key", StringComparison.Ordinal));
        Assert.Equal("secret changed", secretRow.QuerySelector(".spec-diff__secret")!.TextContent);
        Assert.Contains("s3.secret-key: ******", secretRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("first", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("second", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<sealed:", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_two_instances_can_be_compared_through_the_url()
    {
        var app = await ThreeVersionsAsync();

        var cut = RenderDiff(app, $"?from={app.InstanceUid(1)}&to={app.InstanceUid(3)}");

        Assert.Contains("image: flink:1.20.1", ChangedNewLines(cut));
        Assert.Contains("parallelism: 4", ChangedNewLines(cut));
    }

    [Fact]
    public async Task Choosing_two_instances_puts_them_in_the_url()
    {
        var app = await ThreeVersionsAsync();
        var cut = RenderDiff(app);

        await cut.InvokeAsync(() => cut.FindComponent<Cmf.Dashboard.Components.Controls.InstancePairPicker>().Instance
            .PairChanged.InvokeAsync((app.InstanceUid(1), app.InstanceUid(3))));

        var view = PageQuery.InstanceDiffView(CurrentUrl);
        Assert.Equal((app.InstanceUid(1), app.InstanceUid(3)), (view.FromUid, view.ToUid));
    }

    [Fact]
    public async Task The_swap_button_exchanges_from_and_to()
    {
        var app = await ThreeVersionsAsync();
        var cut = RenderDiff(app);

        cut.Find("button[aria-label='Swap from and to']").Click();

        var view = PageQuery.InstanceDiffView(CurrentUrl);
        Assert.Equal((app.InstanceUid(3), app.InstanceUid(2)), (view.FromUid, view.ToUid));
    }

    [Fact]
    public async Task Inline_in_the_url_draws_one_column()
    {
        var app = await ThreeVersionsAsync();

        var cut = RenderDiff(app, "?inline=1");

        Assert.NotNull(cut.Find(".spec-diff__table--inline"));
    }

    [Fact]
    public async Task Switching_to_inline_keeps_the_pair_and_puts_inline_in_the_url()
    {
        var app = await ThreeVersionsAsync();
        var cut = RenderDiff(app);

        cut.Find(".spec-diff__toggle-inline input").Change(true);

        var view = PageQuery.InstanceDiffView(CurrentUrl);
        Assert.True(view.Inline);
        Assert.Equal((app.InstanceUid(2), app.InstanceUid(3)), (view.FromUid, view.ToUid));
    }

    [Fact]
    public async Task Hiding_the_instance_annotation_from_the_url_leaves_it_out_of_the_diff()
    {
        var app = Seed();
        await app.SpecAsync(WithInstanceAnnotation("11111111-1111-4111-8111-111111111111"));
        await app.SpecAsync(WithInstanceAnnotation("22222222-2222-4222-8222-222222222222"));

        var hidden = RenderDiff(app, "?hideAnnotation=1");

        Assert.DoesNotContain("cmf-fa-instance", hidden.Find(".spec-diff").TextContent, StringComparison.Ordinal);
        Assert.Equal("The two specs are identical apart from the instance annotation.", hidden.Find(".spec-diff__identical").TextContent);
    }

    [Fact]
    public async Task An_application_with_one_instance_has_nothing_to_compare()
    {
        var app = Seed();
        await app.SpecAsync("v1");

        var cut = RenderDiff(app);

        Assert.Equal("Nothing to compare yet", cut.Find(".empty-state__title").TextContent);
    }

    [Fact]
    public async Task An_unknown_uid_to_compare_gets_a_not_found_page()
    {
        var app = await ThreeVersionsAsync();

        var cut = RenderDiff(app, $"?from=11111111-2222-3333-4444-555555555555&to={app.InstanceUid(3)}");

        Assert.Equal("Instance not found", cut.Find("h1").TextContent);
    }

    [Fact]
    public async Task A_1_4_MB_single_line_arg_is_too_large_to_diff_and_the_page_links_both_specs()
    {
        var app = Seed();
        await app.SpecAsync(SpecJson.Orders());
        await app.SpecAsync(SpecJson.Orders(arg: LongArg.Of(1_400_000)));

        var cut = RenderDiff(app);

        Assert.Contains("too large to diff here", cut.Find(".spec-diff__too-large-message").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [DashboardUrls.ApiInstanceSpecUrl(app.InstanceUid(1)), DashboardUrls.ApiInstanceSpecUrl(app.InstanceUid(2))],
            cut.FindAll("a.spec-diff__download").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll(".spec-diff__table"));
    }

    [Fact]
    public async Task A_changed_arg_longer_than_the_long_line_limit_is_shown_changed_and_cut_with_a_note()
    {
        var app = Seed();
        var arg = LongArg.Of(Cmf.Dashboard.Model.SpecLineDiffLimits.LongLine * 5);
        await app.SpecAsync(SpecJson.Orders(arg: arg));
        await app.SpecAsync(SpecJson.Orders(arg: arg + "-v2"));

        var cut = RenderDiff(app);

        var added = cut.Find(".spec-diff__row--modified .spec-diff__text--added");
        Assert.Single(added.QuerySelectorAll("mark"));
        Assert.Contains("more characters not shown", added.QuerySelector(".spec-diff__cut")!.TextContent, StringComparison.Ordinal);
        Assert.InRange(added.QuerySelector("mark")!.TextContent.Length, 1, Cmf.Dashboard.Model.SpecLineDiffLimits.LongLine);
    }

    private static System.Text.Json.Nodes.JsonObject WithInstanceAnnotation(string uid)
    {
        var spec = SpecJson.Orders();
        spec["podTemplate"] = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { ["platform.confluent.io/cmf-fa-instance"] = uid },
            },
        };
        return spec;
    }
}
