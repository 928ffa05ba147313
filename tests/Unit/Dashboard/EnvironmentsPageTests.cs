using System.Text.Json.Nodes;
using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Dashboard.Components.Pages;

namespace Cmf.UnitTests.Dashboard;

public sealed class EnvironmentsPageTests : PageTestContext
{
    private static readonly JsonObject ProdDefaults = new()
    {
        ["spec"] = new JsonObject
        {
            ["serviceAccount"] = "flink",
            ["flinkConfiguration"] = new JsonObject { ["s3.secret-key"] = "hunter2", ["restart-strategy.type"] = "exponential-delay" },
        },
    };

    private Task StoreEnvironmentsAsync(params EnvironmentInfo[] environments) =>
        Store.UpsertEnvironmentsAsync(
            environments.Select(e => e with { FlinkApplicationDefaults = (JsonObject?)SecretMasker.Fingerprint(e.FlinkApplicationDefaults) }),
            CancellationToken.None);

    private IRenderedComponent<Environments> RenderEnvironments() => RenderAt<Environments>("/environments");

    [Fact]
    public async Task Each_environment_shows_its_namespace_and_application_count()
    {
        await StoreEnvironmentsAsync(new EnvironmentInfo("prod", "flink-prod"));
        await Seed("prod", "orders").SpecAsync("v1");
        await Seed("prod", "payments").SpecAsync("v1");

        var card = RenderEnvironments().Find(".environment-card");

        Assert.Equal("prod", card.QuerySelector("h2")!.TextContent);
        Assert.Equal("flink-prod", card.QuerySelector("dd")!.TextContent);
        Assert.Equal("2 applications", card.QuerySelector(".environment-card__count")!.TextContent);
        Assert.Equal("/applications?environment=prod", card.QuerySelector(".environment-card__count")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_defaults_are_shown_as_yaml_with_secrets_masked()
    {
        await StoreEnvironmentsAsync(new EnvironmentInfo("prod", "flink-prod", ProdDefaults));

        var cut = RenderEnvironments();

        var defaults = cut.Find(".spec-view").TextContent;
        Assert.Contains("s3.secret-key: ******", defaults, StringComparison.Ordinal);
        Assert.Contains("restart-strategy.type: exponential-delay", defaults, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_without_defaults_says_the_effective_spec_is_the_submitted_one()
    {
        await StoreEnvironmentsAsync(new EnvironmentInfo("staging", "staging"));

        var cut = RenderEnvironments();

        Assert.Equal("No defaults: the effective spec is the submitted spec.", cut.Find(".environment-card__none").TextContent);
    }

    [Fact]
    public void No_environment_yet_gets_an_empty_state()
    {
        Assert.Equal("No environments yet", RenderEnvironments().Find(".empty-state__title").TextContent);
    }

    [Fact]
    public async Task A_new_application_raises_the_count_in_the_open_page()
    {
        await StoreEnvironmentsAsync(new EnvironmentInfo("prod", "flink-prod"));
        var cut = RenderEnvironments();

        Publish(await Seed("prod", "orders").SpecAsync("v1"));

        cut.WaitForAssertion(() => Assert.Equal("1 application", cut.Find(".environment-card__count").TextContent), LiveTimeout);
    }

    [Fact]
    public async Task A_hostile_environment_name_is_shown_as_text()
    {
        await StoreEnvironmentsAsync(new EnvironmentInfo(HostileText.ImageOnError, HostileText.Script));

        var card = RenderEnvironments().Find(".environment-card");

        Assert.Equal(HostileText.ImageOnError, card.QuerySelector("h2")!.TextContent);
        Assert.Equal(HostileText.Script, card.QuerySelector("dd")!.TextContent);
        Assert.Empty(card.QuerySelectorAll("script, img"));
    }
}
