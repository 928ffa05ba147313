using System.Text.Json.Nodes;

namespace Cmf.E2ETests;

/// <summary>Journey 4: an operator compares two instances, one of whose changes is a secret.</summary>
[Collection(JourneyCollection.Name)]
public sealed class SpecDiffJourneyTests(BrowserFixture browser, ClusterDashboard cluster)
{
    private const string Namespace = ClusterDashboard.Namespace;
    private const string Environment = ClusterDashboard.Environment;
    private const string Application = "secret-diff";
    private const string SecretKey = "s3.secret-key";

    [Fact]
    public async Task The_diff_highlights_the_changed_line_on_both_sides_and_never_shows_a_secret()
    {
        var oldSecret = $"old-{Guid.NewGuid():N}";
        var newSecret = $"new-{Guid.NewGuid():N}";
        var manifest = new FlinkDeploymentManifest(Namespace, Application)
        {
            Parallelism = 2,
            FlinkConfiguration = new Dictionary<string, string> { [SecretKey] = oldSecret },
        };
        var from = await cluster.CreateApplicationAsync(manifest);
        await cluster.Kubectl.MergePatchAsync(Namespace, Application, new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["job"] = new JsonObject { ["parallelism"] = 3 },
                ["flinkConfiguration"] = new JsonObject { [SecretKey] = newSecret },
            },
        }.ToJsonString());
        var to = (await cluster.Api.WaitForInstancesAsync(Environment, Application, 2))[1];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.OpenAsync(cluster.Url($"/environments/{Environment}/applications/{Application}/diff?from={from}&to={to}"));

        var parallelism = page.Locator("tr.spec-diff__row--modified").Filter(new() { HasText = "parallelism" });
        await Expect(parallelism.Locator(".spec-diff__text--removed")).ToHaveTextAsync("parallelism: 2");
        await Expect(parallelism.Locator(".spec-diff__text--added")).ToHaveTextAsync("parallelism: 3");
        var unchanged = await BackgroundAsync(page.Locator("tr.spec-diff__row--unchanged td.spec-diff__text").First);
        Assert.NotEqual(unchanged, await BackgroundAsync(parallelism.Locator(".spec-diff__text--removed")));
        Assert.NotEqual(unchanged, await BackgroundAsync(parallelism.Locator(".spec-diff__text--added")));

        var secret = page.Locator("tr.spec-diff__row--modified").Filter(new() { HasText = SecretKey });
        await Expect(secret.Locator(".spec-diff__secret")).ToHaveCountAsync(2);
        await Expect(secret.Locator(".spec-diff__secret").First).ToHaveTextAsync("secret changed");
        await Expect(secret.Locator(".spec-diff__text--removed")).ToContainTextAsync("******");
        await Expect(secret.Locator(".spec-diff__text--added")).ToContainTextAsync("******");
        var prerendered = await response.TextAsync();
        var rendered = await page.ContentAsync();
        foreach (var value in new[] { oldSecret, newSecret })
        {
            Assert.DoesNotContain(value, prerendered, StringComparison.Ordinal);
            Assert.DoesNotContain(value, rendered, StringComparison.Ordinal);
        }
        await page.SaveScreenshotAsync("journey-4-diff-with-secret");
    }

    private static Task<string> BackgroundAsync(ILocator cell) =>
        cell.EvaluateAsync<string>("cell => getComputedStyle(cell).backgroundColor");
}
