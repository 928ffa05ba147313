namespace Cmf.E2ETests;

/// <summary>
/// Real Chromium frames an embed page from another loopback origin: it renders when that origin is in
/// Cmf:Embedding:FrameAncestors and is blocked when it is not.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class EmbeddingTests(BrowserFixture browser, DemoDashboard demo)
{
    [Fact]
    public async Task An_allowed_portal_shows_the_embedded_page_in_its_frame()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(demo.AllowedPortal.Framing(demo.Url("/applications?embed=1")));

        var embedded = page.FrameLocator("#dashboard");
        await Expect(embedded.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("embedding-allowed");
    }

    [Fact]
    public async Task A_portal_that_is_not_allowed_gets_a_blocked_frame()
    {
        await using var portal = PortalPage.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var refusals = new List<string>();
        page.Console += (_, message) =>
        {
            lock (refusals)
            {
                refusals.Add(message.Text);
            }
        };

        await page.GotoAsync(portal.Framing(demo.Url("/applications?embed=1")));

        var frame = await (await page.QuerySelectorAsync("#dashboard"))!.ContentFrameAsync();
        await Eventually.TrueAsync(() => Task.FromResult(frame!.Url.StartsWith("chrome-error://", StringComparison.Ordinal)),
            "the frame shows Chromium's error page");
        Assert.Equal(0, await page.FrameLocator("#dashboard").GetByRole(AriaRole.Heading, new() { Name = "Applications" }).CountAsync());
        lock (refusals)
        {
            Assert.Contains(refusals, text => text.Contains("frame-ancestors", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_page_runs_interactively_without_breaking_its_content_security_policy()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
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

        await page.OpenAsync(demo.Url("/applications"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (violations)
        {
            Assert.Empty(violations);
        }
    }
}
