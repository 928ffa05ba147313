using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>Journey 2: with the list and the application open, someone changes the spec with kubectl; the pages follow live.</summary>
[Collection(JourneyCollection.Name)]
public sealed partial class LiveUpgradeJourneyTests(BrowserFixture browser, ClusterDashboard cluster)
{
    private const string Application = "live-upgrade";
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = (float)BrowserFixture.LiveBound.TotalMilliseconds };

    [Fact]
    public async Task A_kubectl_patch_shows_a_pending_instance_that_becomes_current_on_open_pages_without_a_reload()
    {
        // Savepoints fail until the annotation goes, so the pending upgrade lasts as long as the journey needs to see it.
        var manifest = new FlinkDeploymentManifest(ClusterDashboard.Namespace, Application)
        {
            Annotations = new Dictionary<string, string> { [FlinkDeploymentManifest.SavepointFailsAnnotation] = "true" },
        };
        await cluster.CreateApplicationAsync(manifest);
        await using var context = await browser.NewContextAsync();
        var list = await context.NewPageAsync();
        await list.OpenAsync(cluster.Url($"/applications?search={Application}"));
        var detail = await context.NewPageAsync();
        await detail.OpenAsync(cluster.Url($"/environments/{ClusterDashboard.Environment}/applications/{Application}"));
        var row = ApplicationRow.In(list, Application);
        var header = new ApplicationHeader(detail);
        await Expect(row.Current).ToHaveTextAsync("#1", Live);
        await Expect(header.Current).ToHaveTextAsync("#1", Live);
        await list.MarkUnreloadedAsync();
        await detail.MarkUnreloadedAsync();

        await cluster.Kubectl.MergePatchAsync(ClusterDashboard.Namespace, Application, FlinkDeploymentManifest.ParallelismPatch(3));

        await Expect(row.Latest).ToContainTextAsync("#2", new() { Timeout = Live.Timeout });
        await Expect(row.Latest.Locator(".instance-badge")).ToHaveTextAsync(Pending(), Live);
        await Expect(header.Latest).ToContainTextAsync("#2", new() { Timeout = Live.Timeout });
        await Expect(header.Latest.Locator(".instance-badge")).ToHaveTextAsync(Pending(), Live);
        await Expect(detail.Locator(".instance-timeline__instance[data-instance]")).ToHaveCountAsync(2);
        await Expect(row.Current).ToHaveTextAsync("#1");
        await Expect(header.Current).ToHaveTextAsync("#1");
        await list.SaveScreenshotAsync("journey-2-list-pending");
        await detail.SaveScreenshotAsync("journey-2-application-pending");

        await cluster.Kubectl.AnnotateAsync(ClusterDashboard.Namespace, Application, FlinkDeploymentManifest.SavepointFailsAnnotation, null);

        await Expect(row.Current).ToHaveTextAsync("#2", Live);
        await Expect(header.Current).ToHaveTextAsync("#2", Live);
        await Expect(row.Latest.Locator(".instance-badge")).ToHaveTextAsync("current");
        await Expect(header.Latest.Locator(".instance-badge")).ToHaveTextAsync("current");
        Assert.True(await list.WasNeverReloadedAsync(), "The list was reloaded.");
        Assert.True(await detail.WasNeverReloadedAsync(), "The application page was reloaded.");
        await list.SaveScreenshotAsync("journey-2-list-upgraded");
        await detail.SaveScreenshotAsync("journey-2-application-upgraded");
    }

    private sealed record ApplicationHeader(IPage Page)
    {
        public ILocator Current => Fact("Current instance");

        public ILocator Latest => Fact("Latest instance");

        private ILocator Fact(string term) =>
            Page.Locator(".application-header__facts > div").Filter(new() { Has = Page.Locator("dt", new() { HasText = term }) }).Locator("dd");
    }

    [GeneratedRegex("^pending")]
    private static partial Regex Pending();
}
