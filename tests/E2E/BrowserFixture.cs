namespace Cmf.E2ETests;

/// <summary>One Debian Chromium for the whole test run, driven by Playwright; each journey gets its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Live updates cross the simulator, the watcher, the store and a circuit: on two busy cores that takes a while.</summary>
    public static readonly TimeSpan LiveBound = TimeSpan.FromSeconds(45);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}; ./test.sh installs it with apt-get.");
        }
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh context (cookies, storage, theme) at a laptop's size, that tells when a page's circuit has taken over.</summary>
    public async Task<IBrowserContext> NewContextAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(DashboardPages.CircuitWatchScript);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
