#:package Microsoft.Playwright
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true

// Screenshots of every page, light and dark, for the README. Start the demo, set a secret on one application, then
// change it together with the parallelism, and take the screenshots two to three minutes after the start, while
// prod/payments-fraud-detection's blocked upgrade and its revert leave #1 current (the demo's first four minutes):
//   dotnet run --project src/Cmf.Dashboard -- --urls http://127.0.0.1:5099 --Cmf:DataDirectory=/tmp/screenshots-data
//   kubectl --kubeconfig /tmp/screenshots-data/simulator.kubeconfig patch flinkdeployment -n prod clickstream-sessionizer --type merge \
//     -p '{"spec":{"flinkConfiguration":{"s3.secret-key":"first"}}}'
//   kubectl ... -p '{"spec":{"job":{"parallelism":3},"flinkConfiguration":{"s3.secret-key":"second"}}}'
//   dotnet run docs/screenshots/take-screenshots.cs -- http://127.0.0.1:5099 docs/screenshots
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

var baseUrl = (args.Length > 0 ? args[0] : "http://127.0.0.1:5099").TrimEnd('/');
var output = args.Length > 1 ? args[1] : "docs/screenshots";
const string Application = "/environments/prod/applications/payments-fraud-detection";

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

foreach (var (scheme, suffix) in new[] { (ColorScheme.Light, "light"), (ColorScheme.Dark, "dark") })
{
    var page = await browser.NewPageAsync(new BrowserNewPageOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        ColorScheme = scheme,
    });
    var instance = await CurrentInstanceLinkAsync();
    var shots = new (string Name, string Path)[]
    {
        ("applications", "/applications"),
        ("environments", "/environments"),
        ("application-timeline", Application),
        ("application-instances", Application + "?tab=instances"),
        ("application-events", Application + "?tab=events"),
        ("application-spec", Application + "?tab=spec"),
        ("instance", instance),
        ("diff", Application + "/diff"),
        ("diff-secret", "/environments/prod/applications/clickstream-sessionizer/diff"),
        ("not-found", "/instances/00000000-0000-4000-8000-000000000000"),
        ("embed", Application + "?embed=1"),
    };
    foreach (var (name, path) in shots)
    {
        await page.GotoAsync(baseUrl + path);
        // The circuit starts after the prerendered page: wait for it to apply the theme and measure the timeline.
        await page.WaitForTimeoutAsync(2500);
        var file = Path.Combine(output, $"{name}-{suffix}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Console.WriteLine(file);
    }
    await page.CloseAsync();
}

async Task<string> CurrentInstanceLinkAsync()
{
    using var http = new HttpClient();
    var application = await http.GetFromJsonAsync<JsonObject>(baseUrl + "/cmf/api/v1/environments/prod/applications/payments-fraud-detection");
    var uid = application?["status"]?["currentDeployedInstanceName"]?.GetValue<string>()
        ?? throw new InvalidOperationException("The application has no current instance yet.");
    return "/instances/" + uid;
}
