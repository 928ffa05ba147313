using Bunit;
using Cmf.Dashboard.Components.Layout;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

public sealed class LayoutTests : DashboardTestContext
{
    private static RenderFragment Page(string text) => builder =>
    {
        builder.OpenElement(0, "h1");
        builder.AddContent(1, text);
        builder.CloseElement();
    };

    private static readonly RenderFragment FailingPageBody = builder =>
    {
        builder.OpenComponent<FailingPage>(0);
        builder.CloseComponent();
    };

    private IRenderedComponent<MainLayout> RenderMain(RenderFragment body) => Render<MainLayout>(p => p.Add(c => c.Body, body));

    [Fact]
    public void The_main_layout_has_an_app_bar_with_the_product_and_navigation()
    {
        var cut = RenderMain(Page("Applications"));

        Assert.Equal("Flink Application Instances", cut.Find(".main-layout__product-long").TextContent);
        Assert.Equal(
            [("Applications", "/applications"), ("Environments", "/environments"), ("Changes", "/changes")],
            cut.FindAll("nav a").Select(a => (a.TextContent, a.GetAttribute("href"))));
        Assert.Equal("Applications", cut.Find("h1").TextContent);
    }

    [Fact]
    public void The_theme_starts_from_the_remembered_or_system_preference()
    {
        JSInterop.SetupModule(ThemePreferenceStore.ModulePath).Setup<bool>("prefersDark").SetResult(true);

        var cut = RenderMain(Page("x"));

        Assert.Equal("Switch to light theme", cut.Find("button[title^='Switch']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Toggling_the_theme_remembers_the_choice()
    {
        var module = JSInterop.SetupModule(ThemePreferenceStore.ModulePath);
        module.Setup<bool>("prefersDark").SetResult(false);
        module.SetupVoid("remember", "dark").SetVoidResult();
        var cut = RenderMain(Page("x"));

        cut.Find("button[aria-label='Switch to dark theme']").Click();

        Assert.Equal("dark", module.VerifyInvoke("remember").Arguments[0]);
        Assert.NotNull(cut.Find("button[aria-label='Switch to light theme']"));
    }

    [Fact]
    public void The_simulator_banner_shows_when_the_dashboard_runs_on_the_simulator()
    {
        Services.AddSingleton(new DashboardRuntime(RunsOnSimulator: true));

        var cut = RenderMain(Page("x"));

        Assert.Contains("simulated cluster", cut.Find(".simulator-banner").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void There_is_no_simulator_banner_on_a_real_cluster()
    {
        Assert.Empty(RenderMain(Page("x")).FindAll(".simulator-banner"));
    }

    [Fact]
    public void A_page_that_throws_gets_a_friendly_error_inside_the_living_chrome()
    {
        var cut = RenderMain(FailingPageBody);

        Assert.Equal("This page could not be shown", cut.Find("[role=alert] h1").TextContent);
        Assert.DoesNotContain(FailingPage.Secret, cut.Markup, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("nav a").Count);
    }

    [Fact]
    public void Try_again_renders_the_page_anew()
    {
        var trouble = new FailingPage.Trouble { Fails = true };
        Services.AddSingleton(trouble);
        var cut = RenderMain(FailingPageBody);
        trouble.Fails = false;

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Try again").Click();

        Assert.Equal("Recovered", cut.Find("h1").TextContent);
    }

    [Fact]
    public void The_embed_layout_has_no_app_bar_and_no_navigation()
    {
        var cut = Render<EmbedLayout>(p => p.Add(c => c.Body, Page("Applications")));

        Assert.Empty(cut.FindAll(".mud-appbar"));
        Assert.Empty(cut.FindAll("nav"));
        Assert.Empty(cut.FindAll("a"));
        Assert.Equal("Applications", cut.Find("h1").TextContent);
    }

    [Fact]
    public void The_embed_layout_also_catches_a_failing_page()
    {
        var cut = Render<EmbedLayout>(p => p.Add(c => c.Body, FailingPageBody));

        Assert.Equal("This page could not be shown", cut.Find("[role=alert] h1").TextContent);
    }

    /// <summary>A page that throws while its <see cref="Trouble"/> says so (always, without one).</summary>
    private sealed class FailingPage : ComponentBase
    {
        public const string Secret = "connection string with a password";

        [Inject]
        private IServiceProvider Services { get; set; } = default!;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (Services.GetService<Trouble>() is not { Fails: false })
            {
                throw new InvalidOperationException(Secret);
            }
            builder.OpenElement(0, "h1");
            builder.AddContent(1, "Recovered");
            builder.CloseElement();
        }

        public sealed class Trouble
        {
            public bool Fails { get; set; }
        }
    }
}
