using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Pages;
using Cmf.UnitTests.Simulator.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Dashboard;

/// <summary>One helper keeps a page live: it re-queries on the feed's changes, moves on with the clock, and leaves nothing behind.</summary>
public sealed class LiveViewTests
{
    private readonly ChangeFeed _feed = new(Options.Create(new FeedOptions { CoalesceMilliseconds = 10 }), TimeProvider.System);
    private readonly FakeTimeProvider _clock = new(PageTestContext.PageNow);
    private int _loads;
    private int _ticks;
    private int _renders;

    private LiveView Start(bool interactive) => new LiveViews(_feed, _clock).Start(
        new LiveComponent(interactive, work => work(), () => Interlocked.Increment(ref _renders), e => Task.FromException(e)),
        _ => { Interlocked.Increment(ref _loads); return Task.CompletedTask; },
        () => Interlocked.Increment(ref _ticks));

    [Fact]
    public async Task A_live_page_queries_again_when_its_application_changes()
    {
        await using var live = Start(interactive: true);
        await live.ShowAsync(ChangeFilter.Everything);
        Assert.Equal(1, Volatile.Read(ref _loads));

        _feed.Publish(new ChangeSet([new ApplicationKey("prod", "orders")], []));

        await Eventually.TrueAsync(() => Volatile.Read(ref _loads) == 2 && Volatile.Read(ref _renders) >= 1, "a re-query and a render after the change");
    }

    [Fact]
    public async Task A_live_page_moves_on_with_the_clock_when_nothing_changes()
    {
        await using var live = Start(interactive: true);
        await live.ShowAsync(ChangeFilter.Everything);

        _clock.Advance(ClockTicks.Interval);

        await Eventually.TrueAsync(() => Volatile.Read(ref _ticks) == 1, "a clock tick one interval after the page opened");
        Assert.Equal(1, Volatile.Read(ref _loads));
    }

    [Fact]
    public async Task A_disposed_live_page_follows_the_feed_no_more()
    {
        var live = Start(interactive: true);
        await live.ShowAsync(ChangeFilter.Everything);
        Assert.Equal(1, _feed.SubscriberCount);

        await live.DisposeAsync();

        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public async Task A_prerendered_page_queries_once_and_subscribes_to_nothing()
    {
        await using var live = Start(interactive: false);

        await live.ShowAsync(ChangeFilter.Everything);

        Assert.Equal((1, 0), (Volatile.Read(ref _loads), _feed.SubscriberCount));
    }
}
