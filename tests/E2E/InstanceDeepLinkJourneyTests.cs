using System.Net;

namespace Cmf.E2ETests;

/// <summary>Journey 3: an alert links to one instance by its UID; the first HTTP response says what became of it.</summary>
[Collection(JourneyCollection.Name)]
public sealed class InstanceDeepLinkJourneyTests(BrowserFixture browser, ClusterDashboard cluster)
{
    private const string Namespace = ClusterDashboard.Namespace;
    private const string Environment = ClusterDashboard.Environment;

    [Fact]
    public async Task An_alert_link_to_a_known_uid_redirects_to_its_instance_page()
    {
        const string application = "deep-link-known";
        var uid = await cluster.CreateApplicationAsync(new FlinkDeploymentManifest(Namespace, application));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.OpenAsync(cluster.Url($"/instances/{uid}"));

        var redirect = await response.Request.RedirectedFrom!.ResponseAsync();
        Assert.Equal((int)HttpStatusCode.Found, redirect!.Status);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.EndsWith($"/environments/{Environment}/applications/{application}/instances/{uid}", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Instance #1 of {application}");
        await Expect(page.Locator(".instance-detail__uid dd code")).ToHaveTextAsync(uid);
        await page.SaveScreenshotAsync("journey-3-deep-link-known");
    }

    [Fact]
    public async Task An_alert_link_to_an_unknown_uid_answers_404_with_the_not_found_page()
    {
        var uid = Guid.NewGuid().ToString();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.OpenAsync(cluster.Url($"/instances/{uid}"));

        Assert.Equal((int)HttpStatusCode.NotFound, response.Status);
        Assert.Null(response.Request.RedirectedFrom);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Instance not found");
        await Expect(page.GetByText($"No instance with UID {uid} was ever recorded here")).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("journey-3-deep-link-unknown");
    }

    [Fact]
    public async Task An_alert_link_to_a_uid_pruned_by_retention_answers_410_with_the_pruned_page()
    {
        const string application = "deep-link-pruned";
        var first = await cluster.CreateApplicationAsync(new FlinkDeploymentManifest(Namespace, application));
        await cluster.Kubectl.MergePatchAsync(Namespace, application, FlinkDeploymentManifest.ParallelismPatch(3));
        var retained = await cluster.Api.WaitForInstancesAsync(Environment, application, ClusterDashboard.MaxInstancesPerApplication);
        var seen = retained.Append(first).ToHashSet();
        await cluster.Kubectl.MergePatchAsync(Namespace, application, FlinkDeploymentManifest.ParallelismPatch(4));
        // A third instance prunes the oldest one that is neither current nor the latest.
        var pruned = await Eventually.ValueAsync(async () =>
        {
            var now = await cluster.Api.InstanceUidsAsync(Environment, application);
            return now.Any(uid => !seen.Contains(uid)) ? seen.Except(now).Single() : null;
        }, $"a third instance of {application} prunes one");
        var sequence = pruned == first ? 1 : 2;
        Assert.Equal(HttpStatusCode.Gone, await cluster.Api.InstanceStatusAsync(pruned));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.OpenAsync(cluster.Url($"/instances/{pruned}"));

        Assert.Equal((int)HttpStatusCode.Gone, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Instance #{sequence} was pruned");
        await Expect(page.GetByText("retention removed it")).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("journey-3-deep-link-pruned");
    }
}
