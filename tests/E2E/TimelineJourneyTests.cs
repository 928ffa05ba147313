using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// Journey 5: DESIGN 3.3 as the demo plays it on prod/payments-fraud-detection. At 30 simulated seconds #2's savepoint
/// upgrade is blocked by failing savepoints, so #1 keeps its cluster while #2 waits and never gets one; at 45 seconds
/// #3 reverts to #1's spec, which the operator ignores: #1 stays current.
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
        var running = timeline.Locator($".instance-timeline__instance[data-instance='{uids[0]}']");
        var blocked = timeline.Locator($".instance-timeline__instance[data-instance='{uids[1]}']");
        await Expect(blocked).ToHaveClassAsync(NoCluster());
        await Expect(blocked).ToHaveAccessibleNameAsync(NeverDeployedName());
        await Expect(running).Not.ToHaveClassAsync(NoCluster());
        await page.SaveScreenshotAsync("journey-5-design-scenario-timeline");
        var bars = await BarsAsync(timeline);
        var (first, second) = (bars[uids[0]], bars[uids[1]]);
        Assert.True(first.X < second.X + second.Width && second.X < first.X + first.Width,
            $"#1 ({first}) and #2 ({second}) overlap in time while #2's upgrade is blocked.");
        Assert.NotEqual(first.Y, second.Y);
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

    [GeneratedRegex(@"^Instance #2 · never deployed\b")]
    private static partial Regex NeverDeployedName();
}
