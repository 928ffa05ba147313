namespace Cmf.E2ETests;

/// <summary>Opening dashboard pages the way a person does: wait for the live circuit, then look; keep a screenshot.</summary>
public static class DashboardPages
{
    /// <summary>
    /// Runs before any page script. Pages are prerendered, then the interactive circuit replaces the prerendered
    /// elements; the first element removed marks that moment, after which clicks and typing reach the server.
    /// </summary>
    public const string CircuitWatchScript = """
        window.__cmfCircuitStarted = false;
        new MutationObserver((records, observer) => {
            if (records.some(r => Array.from(r.removedNodes).some(n => n.nodeType === Node.ELEMENT_NODE))) {
                window.__cmfCircuitStarted = true;
                observer.disconnect();
            }
        }).observe(document, { childList: true, subtree: true });
        """;

    // A value in the page's window survives live updates and disappears on any reload or navigation.
    private const string NoReloadMarker = "window.__journeyPageNeverReloaded";

    /// <summary>Marks the page so that <see cref="WasNeverReloadedAsync"/> can tell whether it has been reloaded since.</summary>
    public static Task MarkUnreloadedAsync(this IPage page) => page.EvaluateAsync($"() => {{ {NoReloadMarker} = true; }}");

    /// <summary>Whether the page still is the document <see cref="MarkUnreloadedAsync"/> marked: no reload, no navigation.</summary>
    public static Task<bool> WasNeverReloadedAsync(this IPage page) => page.EvaluateAsync<bool>($"() => {NoReloadMarker} === true");

    /// <summary>Navigates and waits until the page is interactive; returns the first response (after redirects).</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        await page.MainFrame.WaitForCircuitAsync();
        return response;
    }

    public static Task WaitForCircuitAsync(this IFrame frame) =>
        frame.WaitForFunctionAsync("() => window.__cmfCircuitStarted === true");

    /// <summary>Saves the page as a PNG under the test output (never committed).</summary>
    public static Task SaveScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.ArtefactDirectory, name + ".png"), FullPage = true });
}
