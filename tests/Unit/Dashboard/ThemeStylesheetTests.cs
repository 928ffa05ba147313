using System.Net;
using Cmf.Dashboard.Components.Layout;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// The theme is one stylesheet per process (MudThemeProvider's output, light and dark), served by the real app,
/// instead of a style block in every circuit.
/// </summary>
public sealed class ThemeStylesheetTests
{
    [Fact]
    public async Task The_app_serves_the_light_palette_at_the_root_and_the_dark_palette_under_the_dark_theme()
    {
        await using var dashboard = await DashboardHost.StartAsync();
        var theme = dashboard.Services.GetRequiredService<ThemeStylesheet>();

        var response = await dashboard.Client.GetAsync(theme.Href);
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var dark = css.IndexOf(ThemeStylesheet.DarkSelector, StringComparison.Ordinal);
        Assert.True(dark > 0, "no dark block");
        Assert.Contains($"--mud-palette-success: {DashboardTheme.Theme.PaletteLight.Success}", css[..dark], StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"--mud-palette-success: {DashboardTheme.Theme.PaletteDark.Success}", css[dark..], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"--mud-palette-success: {DashboardTheme.Theme.PaletteDark.Success}", css[..dark], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_page_links_the_theme_and_picks_light_or_dark_before_it_paints()
    {
        await using var dashboard = await DashboardHost.StartAsync();
        var theme = dashboard.Services.GetRequiredService<ThemeStylesheet>();

        var html = await dashboard.Client.GetStringAsync("/applications");

        Assert.Contains($"<link rel=\"stylesheet\" href=\"{theme.Href}\"", html, StringComparison.Ordinal);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Matches(@"<script src=""[^""]*js/theme-early[^""]*\.js""></script>", head);
        Assert.DoesNotContain("--mud-palette-primary:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_the_dark_palette_leaves_unchanged_is_written_once()
    {
        var css = ThemeStylesheet.Compose([".chart{filter:none}", ":root{--a: white;}"], [".chart{filter:none}", ":root{--a: black;}"], ":root");

        Assert.Equal(1, Count(css, ".chart{filter:none}"));
        Assert.Contains(":root{--a: white;}", css, StringComparison.Ordinal);
        Assert.Contains(ThemeStylesheet.DarkSelector + "{--a: black;}", css, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dark_block_outside_the_theme_scope_is_refused_rather_than_applied_to_both_themes()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ThemeStylesheet.Compose(["body{color: black}"], ["body{color: white}"], ":root"));

        Assert.Contains("scope ':root'", error.Message, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
