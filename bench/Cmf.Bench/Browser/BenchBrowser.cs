using Cmf.E2ETests;

namespace Cmf.Bench.Browser;

/// <summary>Debian's Chromium driven by Playwright, launched as the browser tests launch it (Playwright cannot download a browser here).</summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan ChromiumWait = TimeSpan.FromMinutes(10);

    private readonly IPlaywright _playwright;

    private BenchBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BenchBrowser> LaunchAsync()
    {
        await WaitForChromiumAsync();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
            return new BenchBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context whose pages tell when their circuit has taken over from the prerendered HTML.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(DashboardPages.CircuitWatchScript);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }

    /// <summary>apt may still be installing Chromium when a run starts on a fresh machine.</summary>
    private static async Task WaitForChromiumAsync()
    {
        var deadline = DateTime.UtcNow + ChromiumWait;
        while (!File.Exists(ChromiumPath))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; bench/run.sh and ./test.sh install it with apt-get.");
            }
            Console.WriteLine($"bench: waiting for {ChromiumPath}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }
}
