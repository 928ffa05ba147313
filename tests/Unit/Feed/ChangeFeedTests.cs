using Cmf.Core.Feed;
using Cmf.Core.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Feed;

public sealed class ChangeFeedTests
{
    private static readonly ApplicationKey Orders = new("prod", "orders");
    private static readonly ApplicationKey Payments = new("prod", "payments");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Subscriber_reads_once_registered_then_gets_the_published_changes()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int? subscribersDuringRead = null;
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, _ =>
        {
            subscribersDuringRead = feed.SubscriberCount;
            return Task.CompletedTask;
        }, cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync();

        feed.Publish(new ChangeSet([Orders], ["uid-1"]));

        Assert.Equal(1, subscribersDuringRead);
        Assert.True(await AdvanceUntil(next));
        Assert.Equal([Orders], changes.Current.Applications);
        Assert.Equal(["uid-1"], changes.Current.InstanceUids);
        Assert.False(changes.Current.Resync);
    }

    [Fact]
    public async Task Changes_published_within_one_window_arrive_as_one_batch()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync();

        feed.Publish(new ChangeSet([Orders], []));
        await Task.Delay(20, cts.Token);
        feed.Publish(new ChangeSet([Payments], []));

        Assert.True(await AdvanceUntil(next));
        Assert.Equal(new HashSet<ApplicationKey> { Orders, Payments }, changes.Current.Applications);
    }

    [Fact]
    public async Task Reader_busy_for_longer_than_the_window_gets_the_waiting_changes_at_once()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        feed.Publish(new ChangeSet([Orders], []));
        Assert.True(await AdvanceUntil(changes.MoveNextAsync()));

        feed.Publish(new ChangeSet([Payments], []));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        var next = changes.MoveNextAsync().AsTask();

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([Payments], changes.Current.Applications);
    }

    [Fact]
    public async Task Application_subscriber_is_not_told_about_other_applications()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = await feed.SubscribeAsync(ChangeFilter.ForApplication(Orders), cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync();

        feed.Publish(new ChangeSet([Payments], ["other"]));
        feed.Publish(new ChangeSet([Orders], ["mine"]));

        Assert.True(await AdvanceUntil(next));
        Assert.Equal([Orders], changes.Current.Applications);
        Assert.Equal(["mine"], changes.Current.InstanceUids);
    }

    [Fact]
    public async Task Subscriber_that_falls_behind_gets_a_resync_marker_instead_of_a_growing_queue()
    {
        var feed = Feed(maxPendingKeys: 10);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, cts.Token);

        for (var i = 0; i < 10_000; i++)
        {
            feed.Publish(new ChangeSet([new ApplicationKey("prod", $"app-{i}")], [$"uid-{i}"]));
        }
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);

        Assert.True(await AdvanceUntil(changes.MoveNextAsync()));
        Assert.True(changes.Current.Resync);
        Assert.Empty(changes.Current.Applications);
        Assert.True(changes.Current.Touches(Orders));
    }

    [Fact]
    public async Task Cancelling_unsubscribes_even_without_enumerating()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource();
        await feed.SubscribeAsync(ChangeFilter.Everything, cts.Token);
        Assert.Equal(1, feed.SubscriberCount);

        await cts.CancelAsync();

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task Ending_the_enumeration_unsubscribes()
    {
        var feed = Feed();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var subscription = await feed.SubscribeAsync(ChangeFilter.Everything, cts.Token);
        var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync();
        feed.Publish(new ChangeSet([Orders], []));
        Assert.True(await AdvanceUntil(next));

        await changes.DisposeAsync();

        Assert.Equal(0, feed.SubscriberCount);
    }

    [Fact]
    public async Task Failed_snapshot_leaves_no_subscriber_behind()
    {
        var feed = Feed();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            feed.SubscribeAsync(ChangeFilter.Everything, _ => throw new InvalidOperationException("store unavailable"), CancellationToken.None));

        Assert.Equal(0, feed.SubscriberCount);
    }

    private ChangeFeed Feed(int maxPendingKeys = 2_000) =>
        new(Options.Create(new FeedOptions { CoalesceMilliseconds = 100, MaxPendingKeys = maxPendingKeys }), _time);

    /// <summary>Moves the fake clock in coalescing-window steps until the pending read completes (bounded).</summary>
    private async Task<bool> AdvanceUntil(ValueTask<bool> pending)
    {
        var task = pending.AsTask();
        for (var i = 0; i < 500 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(task, Task.Delay(10));
        }
        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
