using Microsoft.Playwright;

namespace Cmf.E2ETests;

/// <summary>
/// Real Chromium frames an embed page from another loopback origin: it renders when that origin is in
/// Cmf:Embedding:FrameAncestors and is blocked when it is not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbeddingTests(BrowserFixture browser)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_allowed_portal_shows_the_embedded_page_in_its_frame()
    {
        var port = PortalPage.FreePort();
        await using var dashboard = await DashboardProcess.StartAsync(Settings($"http://127.0.0.1:{port}"));
        await using var portal = PortalPage.Start(port, new Uri(dashboard.BaseUrl, "/applications?embed=1").ToString());
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(portal.Url);

        var frame = page.FrameLocator("#dashboard");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync(new() { Timeout = (float)Bound.TotalMilliseconds });
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.ArtefactDirectory, "embedding-allowed.png") });
    }

    [Fact]
    public async Task A_portal_that_is_not_allowed_gets_a_blocked_frame()
    {
        var port = PortalPage.FreePort();
        await using var dashboard = await DashboardProcess.StartAsync(Settings(portal: null));
        await using var portal = PortalPage.Start(port, new Uri(dashboard.BaseUrl, "/applications?embed=1").ToString());
        var page = await browser.Browser.NewPageAsync();
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            lock (refusals)
            {
                refusals.Add(message.Text);
            }
        };

        await page.GotoAsync(portal.Url);

        var frame = await (await page.QuerySelectorAsync("#dashboard"))!.ContentFrameAsync();
        await WaitUntilAsync(() => frame!.Url.StartsWith("chrome-error://", StringComparison.Ordinal), "the frame shows Chromium's error page");
        Assert.Equal(0, await page.FrameLocator("#dashboard").GetByRole(AriaRole.Heading, new() { Name = "Applications" }).CountAsync());
        lock (refusals)
        {
            Assert.Contains(refusals, text => text.Contains("frame-ancestors", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_page_runs_interactively_without_breaking_its_content_security_policy()
    {
        await using var dashboard = await DashboardProcess.StartAsync(Settings(portal: null));
        var page = await browser.Browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        await page.GotoAsync(new Uri(dashboard.BaseUrl, "/applications").ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.mud-theme-provider, .mud-layout') !== null",
            options: new() { Timeout = (float)Bound.TotalMilliseconds });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = (float)Bound.TotalMilliseconds });

        lock (violations)
        {
            Assert.Empty(violations);
        }
    }

    private static Dictionary<string, string> Settings(string? portal)
    {
        var settings = new Dictionary<string, string> { ["Cmf:Cluster:Mode"] = "None" };
        if (portal is not null)
        {
            settings["Cmf:Embedding:FrameAncestors:0"] = portal;
        }
        return settings;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(50);
        }
    }
}
