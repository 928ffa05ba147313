namespace Cmf.E2ETests;

/// <summary>
/// Journey 6: real Chromium frames an embed page from another loopback origin. It renders when that origin is in
/// Cmf:Embedding:FrameAncestors and is blocked when it is not; inside the frame there is no way out.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class EmbeddingTests(BrowserFixture browser, DemoDashboard demo)
{
    [Fact]
    public async Task An_allowed_portal_shows_the_embedded_page_without_navigation_and_its_links_stay_embedded()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var portalUrl = demo.AllowedPortal.Framing(demo.Url("/applications?embed=1"));

        await page.GotoAsync(portalUrl);

        var frame = page.FrameByUrl(url => url.Contains("embed=1", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The portal has no dashboard frame.");
        await frame.WaitForCircuitAsync();
        var embedded = page.FrameLocator("#dashboard");
        await Expect(embedded.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        await ExpectNoWayOutAsync(embedded);
        await page.SaveScreenshotAsync("journey-6-embed-allowed");

        await embedded.Locator($"a[href^='{DemoDashboard.DesignScenarioPath}?']").ClickAsync();

        await Expect(embedded.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemoDashboard.DesignScenarioApplication);
        Assert.Contains($"{DemoDashboard.DesignScenarioPath}?embed=1", frame.Url, StringComparison.Ordinal);
        Assert.Equal(portalUrl, page.Url);
        await ExpectNoWayOutAsync(embedded);
        await page.SaveScreenshotAsync("journey-6-embed-application");
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
        await page.SaveScreenshotAsync("journey-6-embed-blocked");
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

    /// <summary>No app bar, no navigation, no breadcrumbs; every link stays in the dashboard and keeps <c>embed=1</c>.</summary>
    private static async Task ExpectNoWayOutAsync(IFrameLocator embedded)
    {
        await Expect(embedded.GetByRole(AriaRole.Banner)).ToHaveCountAsync(0);
        await Expect(embedded.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        var links = await embedded.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.NotEmpty(links);
        Assert.All(links, href =>
        {
            Assert.StartsWith("/", href, StringComparison.Ordinal);
            Assert.Contains("embed=1", href, StringComparison.Ordinal);
        });
    }
}
