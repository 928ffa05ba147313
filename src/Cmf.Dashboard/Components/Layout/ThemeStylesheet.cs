using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>
/// MudBlazor's theme as one stylesheet for the whole process, instead of the <c>&lt;style&gt;</c> that
/// <c>MudThemeProvider</c> renders and keeps in every circuit: MudThemeProvider's own output for
/// <see cref="DashboardTheme"/>, rendered once for the light and once for the dark palette. The dark custom properties
/// apply while the root element carries <c>data-theme="dark"</c>, which <c>wwwroot/js/theme.js</c> sets before the
/// first paint and on every toggle.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceProvider services, ILoggerFactory loggers)
{
    public const string Path = "/theme.css";
    public const string DarkSelector = ":root[data-theme=\"dark\"]";

    private readonly Lazy<(string Css, string Version)> _built = new(() => Build(services, loggers));

    public string Css => _built.Value.Css;

    /// <summary>The stylesheet's URL, versioned by its content so a browser may keep it for good.</summary>
    public string Href => $"theme.css?v={_built.Value.Version}";

    /// <summary>Light blocks as MudBlazor writes them; each block that differs in the dark palette again under <see cref="DarkSelector"/>.</summary>
    public static string Compose(IReadOnlyList<string> light, IReadOnlyList<string> dark, string scope)
    {
        if (light.Count != dark.Count)
        {
            throw new InvalidOperationException($"MudThemeProvider rendered {light.Count} style blocks in the light theme and {dark.Count} in the dark one.");
        }
        var css = new StringBuilder();
        foreach (var block in light)
        {
            css.AppendLine(block.Trim());
        }
        for (var i = 0; i < dark.Count; i++)
        {
            if (dark[i] == light[i])
            {
                continue;
            }
            var block = dark[i].Trim();
            if (!block.StartsWith(scope, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A dark style block of MudThemeProvider does not start with the theme's scope '{scope}'.");
            }
            css.Append(DarkSelector).AppendLine(block[scope.Length..]);
        }
        return css.ToString();
    }

    private static (string Css, string Version) Build(IServiceProvider services, ILoggerFactory loggers)
    {
        var light = RenderStyleBlocksAsync(services, loggers, dark: false).GetAwaiter().GetResult();
        var dark = RenderStyleBlocksAsync(services, loggers, dark: true).GetAwaiter().GetResult();
        var css = Compose(light, dark, DashboardTheme.Theme.PseudoCss.Scope);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..16];
        return (css, version);
    }

    private static async Task<IReadOnlyList<string>> RenderStyleBlocksAsync(IServiceProvider services, ILoggerFactory loggers, bool dark)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = DashboardTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return [.. StyleElement().Matches(html).Select(m => m.Groups["css"].Value)];
    }

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
