using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// Journey 5: DESIGN 3.3 as the demo plays it on prod/payments-fraud-detection. #1 is upgraded to #2 at two simulated
/// minutes; from five, #3's savepoints fail, so #2 keeps its cluster while #3 stays pending without one.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed partial class TimelineJourneyTests(BrowserFixture browser, DemoDashboard demo)
{
    [Fact]
    public async Task The_design_scenario_timeline_shows_overlapping_instances_and_a_pending_one_without_a_cluster()
    {
        var uids = await demo.Api.WaitForInstancesAsync(DemoDashboard.DesignScenarioEnvironment, DemoDashboard.DesignScenarioApplication, 3);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.OpenAsync(demo.Url(DemoDashboard.DesignScenarioPath));

        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Timeline of instances and clusters" });
        var upgraded = timeline.Locator($".instance-timeline__instance[data-instance='{uids[1]}']");
        var blocked = timeline.Locator($".instance-timeline__instance[data-instance='{uids[2]}']");
        await Expect(blocked).ToHaveClassAsync(NoCluster());
        await Expect(blocked).ToHaveAccessibleNameAsync(PendingName());
        await Expect(upgraded).Not.ToHaveClassAsync(NoCluster());
        await page.SaveScreenshotAsync("journey-5-design-scenario-timeline");
        var bars = await BarsAsync(timeline);
        var (second, third) = (bars[uids[1]], bars[uids[2]]);
        Assert.True(second.X < third.X + third.Width && third.X < second.X + second.Width,
            $"#2 ({second}) and #3 ({third}) overlap in time while #3's upgrade is blocked.");
        Assert.NotEqual(second.Y, third.Y);
    }

    /// <summary>Every instance bar of one render, by UID: live updates rescale the axis, so all are read at once.</summary>
    private static async Task<Dictionary<string, Bar>> BarsAsync(ILocator timeline)
    {
        var bars = await timeline.Locator(".instance-timeline__instance[data-instance]").EvaluateAllAsync<Bar[]>(
            """
            bars => bars.map(bar => {
                const rect = bar.querySelector('rect');
                return { uid: bar.dataset.instance, x: rect.x.baseVal.value, width: rect.width.baseVal.value, y: rect.y.baseVal.value };
            })
            """);
        return bars.ToDictionary(bar => bar.Uid);
    }

    /// <summary>Where one instance bar is drawn; Playwright fills it from the page script through its setters.</summary>
    private sealed record Bar
    {
        public string Uid { get; init; } = "";

        public double X { get; init; }

        public double Width { get; init; }

        public double Y { get; init; }
    }

    [GeneratedRegex(@"\binstance-timeline__instance--no-cluster\b")]
    private static partial Regex NoCluster();

    [GeneratedRegex(@"^Instance #3 · pending\b")]
    private static partial Regex PendingName();
}
