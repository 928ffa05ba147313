namespace Cmf.E2ETests;

/// <summary>
/// Issue 14: with two replicas, a page served by the follower, which watches nothing, follows what the leader records
/// from the cluster, live: a new application, then its new instance, without a reload.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class FollowerJourneyTests(BrowserFixture browser, ReplicatedDashboard replicas) : IClassFixture<ReplicatedDashboard>
{
    private const string Application = "follower-live";
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = (float)BrowserFixture.LiveBound.TotalMilliseconds };

    [Fact]
    public async Task The_followers_application_list_shows_a_new_application_and_its_new_instance_without_a_reload()
    {
        await using var context = await browser.NewContextAsync();
        var list = await context.NewPageAsync();
        await list.OpenAsync(replicas.Follower.Url("/applications"));
        var footer = list.Locator(".replica-footer");
        await Expect(footer).ToContainTextAsync($"Served by {replicas.Follower.Identity}");
        await Expect(footer).ToContainTextAsync($"leader {replicas.Leader.Identity}");
        await Expect(list.GetByText("No applications yet")).ToBeVisibleAsync();
        await list.MarkUnreloadedAsync();

        await replicas.Kubectl.ApplyAsync(new FlinkDeploymentManifest(ReplicatedDashboard.Namespace, Application).ToJson());

        var row = ApplicationRow.In(list, Application);
        await Expect(row.Current).ToHaveTextAsync("#1", Live);

        await replicas.Kubectl.MergePatchAsync(ReplicatedDashboard.Namespace, Application, FlinkDeploymentManifest.ParallelismPatch(3));

        await Expect(row.Latest).ToContainTextAsync("#2", new() { Timeout = Live.Timeout });
        await Expect(row.Current).ToHaveTextAsync("#2", Live);
        await Expect(footer).ToContainTextAsync($"Served by {replicas.Follower.Identity}");
        await Expect(footer).ToContainTextAsync($"leader {replicas.Leader.Identity}");
        Assert.True(await list.WasNeverReloadedAsync(), "The follower's list was reloaded.");
        Assert.Equal("follower", (await replicas.Follower.Api.AboutAsync()).Role);
        await list.SaveScreenshotAsync("replicas-follower-list-upgraded");
    }
}
