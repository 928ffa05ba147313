using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>Journey 1: an operator opens the application list, narrows it, and shares the link.</summary>
[Collection(JourneyCollection.Name)]
public sealed partial class ApplicationListJourneyTests(BrowserFixture browser, DemoDashboard demo)
{
    [Fact]
    public async Task The_list_shows_every_demo_application_with_its_states_and_its_filters_live_in_the_url()
    {
        var applications = await ApplicationsInClusterAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.OpenAsync(demo.Url("/applications"));

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "applications" }))
            .ToHaveTextAsync($"{applications.Count} applications");
        await Eventually.TrueAsync(async () => await ListMatchesClusterAsync(page), "every row shows its application's job and lifecycle state as kubectl reports them");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Environment" }).SelectOptionAsync(new SelectOptionValue { Label = "staging" });
        await Expect(page).ToHaveURLAsync(EnvironmentInQuery());
        var staging = applications.Where(a => a.Namespace == "staging").Select(a => $"staging/{a.Name}").Order().ToArray();
        await Expect(Rows(page)).ToHaveCountAsync(staging.Length);
        Assert.Equal(staging, await EnvironmentAndNamesAsync(page));

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("payments");
        await Expect(page).ToHaveURLAsync(EnvironmentAndSearchInQuery());
        await Expect(Rows(page)).ToHaveCountAsync(1);
        Assert.Equal(["staging/payments-fraud-detection"], await EnvironmentAndNamesAsync(page));
        await page.SaveScreenshotAsync("journey-1-applications-filtered");

        var shared = await context.NewPageAsync();
        await shared.OpenAsync(page.Url);
        await Expect(Rows(shared)).ToHaveCountAsync(1);
        Assert.Equal(["staging/payments-fraud-detection"], await EnvironmentAndNamesAsync(shared));
        await Expect(shared.GetByRole(AriaRole.Combobox, new() { Name = "Environment" })).ToHaveValueAsync("staging");
        await Expect(shared.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("payments");
        await shared.SaveScreenshotAsync("journey-1-applications-shared-link");
    }

    private sealed record ClusterApplication(string Namespace, string Name, string JobState, string LifecycleState);

    private async Task<IReadOnlyList<ClusterApplication>> ApplicationsInClusterAsync()
    {
        var lines = await demo.Kubectl.ListAllAsync(
            @"{range .items[*]}{.metadata.namespace}{'\t'}{.metadata.name}{'\t'}{.status.jobStatus.state}{'\t'}{.status.lifecycleState}{'\n'}{end}");
        return [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(cells => new ClusterApplication(cells[0], cells[1], cells[2], cells[3]))];
    }

    /// <summary>The demo keeps changing: compare one snapshot of kubectl with one of the page, until a quiet moment agrees.</summary>
    private async Task<bool> ListMatchesClusterAsync(IPage page)
    {
        var cluster = (await ApplicationsInClusterAsync())
            .ToDictionary(a => $"{a.Namespace}/{a.Name}");
        var rows = await page.EvaluateAsync<string[][]>(
            "() => Array.from(document.querySelectorAll('.application-table tbody tr'), row => Array.from(row.cells, cell => cell.innerText.trim()))");
        return rows.Length == cluster.Count && rows.All(cells =>
            cluster.TryGetValue($"{cells[0]}/{cells[1]}", out var expected)
            && cells[2].StartsWith(expected.JobState, StringComparison.Ordinal)
            && cells[3] == expected.LifecycleState);
    }

    private static ILocator Rows(IPage page) => page.Locator(".application-table tbody tr");

    private static async Task<string[]> EnvironmentAndNamesAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('.application-table tbody tr'), row => row.cells[0].innerText.trim() + '/' + row.cells[1].innerText.trim())"))
            .Order()];

    [GeneratedRegex(@"/applications\?environment=staging$")]
    private static partial Regex EnvironmentInQuery();

    [GeneratedRegex(@"/applications\?environment=staging&search=payments$")]
    private static partial Regex EnvironmentAndSearchInQuery();
}
