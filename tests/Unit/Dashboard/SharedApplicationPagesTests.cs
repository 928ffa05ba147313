using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard;
using Cmf.Dashboard.Model;
using Cmf.UnitTests.Storage;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Dashboard;

/// <summary>The application list pages open circuits share: one read per page and publication, never an older answer.</summary>
public sealed class SharedApplicationPagesTests : IAsyncLifetime
{
    private static readonly ApplicationListFilter FirstPage = ApplicationListFilter.Default;
    private readonly ChangeFeed _feed = new();
    private TestStore _store = null!;
    private SharedApplicationPages _pages = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.OpenAsync();
        _pages = new SharedApplicationPages(_store.Queries, _feed);
        await SeedAsync("orders");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Lists_asking_for_the_same_page_between_two_publications_get_the_one_answer()
    {
        var first = await ReadAsync(FirstPage);
        var second = await ReadAsync(FirstPage);

        Assert.Same(first, second);
        Assert.Equal(["orders"], first.Items.Select(a => a.Key.Name));
    }

    [Fact]
    public async Task A_commit_the_feed_published_is_in_the_next_answer()
    {
        var before = await ReadAsync(FirstPage);

        Publish(await SeedAsync("payments"));
        var after = await ReadAsync(FirstPage);

        Assert.NotSame(before, after);
        Assert.Equal(["orders", "payments"], after.Items.Select(a => a.Key.Name));
    }

    [Fact]
    public async Task A_row_that_did_not_change_keeps_its_record_across_publications()
    {
        var before = await ReadAsync(FirstPage);

        Publish(await SeedAsync("payments"));
        var after = await ReadAsync(FirstPage);

        Assert.Same(before.Items.Single(), after.Items.Single(a => a.Key.Name == "orders"));
    }

    [Fact]
    public async Task A_row_that_changed_gets_its_new_record()
    {
        var billing = new SeededApplication(_store.Store, new ApplicationKey("prod", "billing"), "prod-ns");
        Publish(await billing.SpecAsync("v1"));
        var before = await ReadAsync(FirstPage);

        Publish(await billing.SpecAsync("v2"));
        var after = await ReadAsync(FirstPage);

        var (old, changed) = (before.Items.Single(a => a.Key.Name == "billing"), after.Items.Single(a => a.Key.Name == "billing"));
        Assert.NotSame(old, changed);
        Assert.Equal(2, changed.InstanceCount);
        Assert.Same(before.Items.Single(a => a.Key.Name == "orders"), after.Items.Single(a => a.Key.Name == "orders"));
    }

    [Fact]
    public async Task A_resync_of_the_feed_starts_a_new_read()
    {
        var before = await ReadAsync(FirstPage);

        _feed.PublishResync();

        Assert.NotSame(before, await ReadAsync(FirstPage));
    }

    [Fact]
    public async Task Different_pages_are_read_apart()
    {
        var all = await ReadAsync(FirstPage);
        var staging = await ReadAsync(FirstPage with { Environment = "staging" });

        Assert.NotSame(all, staging);
        Assert.Single(all.Items);
        Assert.Empty(staging.Items);
    }

    [Fact]
    public async Task A_list_closed_while_waiting_leaves_the_read_to_the_others()
    {
        var answer = new TaskCompletionSource<ApplicationPage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        var pages = new SharedApplicationPages((_, _) => { reads++; return answer.Task; }, _feed);
        using var closing = new CancellationTokenSource();

        var closed = pages.ReadAsync(FirstPage.ToQuery(50), DashboardUrls.ApplicationsUrl(FirstPage), closing.Token);
        var open = pages.ReadAsync(FirstPage.ToQuery(50), DashboardUrls.ApplicationsUrl(FirstPage), CancellationToken.None);
        await closing.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closed);
        var page = new ApplicationPage([], 0);
        answer.SetResult(page);

        Assert.Same(page, await open);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_served_again()
    {
        var attempts = 0;
        var pages = new SharedApplicationPages((_, _) => ++attempts == 1
            ? Task.FromException<ApplicationPage>(new InvalidOperationException("database is locked"))
            : Task.FromResult(new ApplicationPage([], 0)), _feed);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pages.ReadAsync(FirstPage.ToQuery(50), DashboardUrls.ApplicationsUrl(FirstPage), CancellationToken.None));
        var page = await pages.ReadAsync(FirstPage.ToQuery(50), DashboardUrls.ApplicationsUrl(FirstPage), CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_list_already_closed_starts_no_read()
    {
        var reads = 0;
        var pages = new SharedApplicationPages((_, _) => { reads++; return Task.FromResult(new ApplicationPage([], 0)); }, _feed);
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pages.ReadAsync(FirstPage.ToQuery(50), DashboardUrls.ApplicationsUrl(FirstPage), closed.Token));

        Assert.Equal(0, reads);
    }

    private Task<ApplicationPage> ReadAsync(ApplicationListFilter filter) =>
        _pages.ReadAsync(filter.ToQuery(50), DashboardUrls.ApplicationsUrl(filter), CancellationToken.None);

    private async Task<CommitResult> SeedAsync(string name)
    {
        var application = new SeededApplication(_store.Store, new ApplicationKey("prod", name), "prod-ns");
        return await application.SpecAsync("v1");
    }

    private void Publish(CommitResult committed) =>
        _feed.Publish(new ChangeSet(committed.Applications, [.. committed.NewInstanceUids, .. committed.ChangedInstanceUids]));
}
