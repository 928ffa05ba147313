using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>An operator asks "what changed?": from the fleet-wide changes list, filtered, to a diff and back with the filters kept.</summary>
[Collection(JourneyCollection.Name)]
public sealed partial class ChangesJourneyTests(BrowserFixture browser, ClusterDashboard cluster)
{
    private const string Namespace = ClusterDashboard.Namespace;
    private const string Environment = ClusterDashboard.Environment;
    private const string Application = "changes-walk";

    [Fact]
    public async Task From_the_changes_list_to_a_diff_and_back_with_the_filters_kept()
    {
        var first = await cluster.CreateApplicationAsync(new FlinkDeploymentManifest(Namespace, Application));
        await cluster.Kubectl.MergePatchAsync(Namespace, Application, new JsonObject
        {
            ["spec"] = new JsonObject { ["image"] = "flink:1.20.2", ["job"] = new JsonObject { ["parallelism"] = 3 } },
        }.ToJsonString());
        var second = (await cluster.Api.WaitForInstancesAsync(Environment, Application, 2))[1];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var changes = $"/changes?application={Application}&field=image";

        await page.OpenAsync(cluster.Url(changes));

        var row = page.Locator($"tr.changes__row[data-instance='{second}']");
        await Expect(row.Locator(".changes__what")).ToHaveTextAsync("image flink:1.20.1 -> 1.20.2, parallelism 2 -> 3");
        await Expect(page.Locator("tr.changes__row")).ToHaveCountAsync(1);
        await page.SaveScreenshotAsync("changes-list-filtered");

        await row.GetByRole(AriaRole.Link, new() { Name = "Diff with #1" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(DiffUrl());
        Assert.Contains($"from={first}", page.Url, StringComparison.Ordinal);
        Assert.Contains($"to={second}", page.Url, StringComparison.Ordinal);
        var image = page.Locator("tr.spec-diff__row--modified").Filter(new() { HasText = "image" });
        await Expect(image.Locator(".spec-diff__text--added")).ToHaveTextAsync("image: flink:1.20.2");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Back to the changes list" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(cluster.Url(changes));
        await Expect(page.Locator($"tr.changes__row[data-instance='{second}']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".change-toolbar__application input")).ToHaveValueAsync(Application);
    }

    [GeneratedRegex(@"/environments/[^/]+/applications/changes-walk/diff\?.*back=%2Fchanges%3Fapplication%3Dchanges-walk%26field%3Dimage")]
    private static partial Regex DiffUrl();
}
