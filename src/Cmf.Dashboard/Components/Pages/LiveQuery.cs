using Cmf.Core.Feed;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// A page's live data, after the Aspire dashboard's subscriptions: the page queries what it shows, and in the interactive
/// render one loop follows the change feed and re-queries, throttled, on each batch. Batches carry keys, never data, so a
/// circuit holds only what is on screen. Prerendering queries once and subscribes to nothing. Disposed with the page,
/// it waits for its loop.
/// </summary>
public sealed class LiveQuery : IAsyncDisposable
{
    /// <summary>
    /// At most one re-query per interval, start to start: batches that arrive meanwhile are merged by the feed into one.
    /// It matches the feed's default coalescing window, so under constant change a page lags by about one window, not two.
    /// </summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly ChangeFeed _feed;
    private readonly TimeProvider _clock;
    private readonly LiveComponent _owner;
    private readonly Func<CancellationToken, Task> _load;
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private CancellationTokenSource? _following;
    private ChangeFilter? _followedFilter;
    private Task _updates = Task.CompletedTask;

    /// <param name="load">Queries what the page shows into its fields. Runs on the renderer, never two at once.</param>
    public LiveQuery(ChangeFeed feed, TimeProvider clock, LiveComponent owner, Func<CancellationToken, Task> load)
    {
        _feed = feed;
        _clock = clock;
        _owner = owner;
        _load = load;
    }

    /// <summary>
    /// Loads now; in an interactive render also follows the changes <paramref name="filter"/> selects (a different filter,
    /// e.g. after navigating to another application, replaces the subscription).
    /// </summary>
    public async Task ShowAsync(ChangeFilter filter)
    {
        if (!_owner.IsInteractive || Equals(filter, _followedFilter))
        {
            await ReloadAsync(_disposed.Token);
            return;
        }
        await StopFollowingAsync();
        _followedFilter = filter;
        _following = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        var token = _following.Token;
        // The feed registers before the first query, so nothing committed in between is missed.
        var subscription = await _feed.SubscribeAsync(filter, ReloadAsync, token);
        _updates = Task.Run(() => FollowAsync(subscription.Changes, token), CancellationToken.None);
    }

    /// <summary>Queries again for state the URL does not hold (a page of a table inside a tab).</summary>
    public Task RefreshAsync() => ReloadAsync(_disposed.Token);

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        await StopFollowingAsync();
        _disposed.Dispose();
        _loading.Dispose();
    }

    private async Task FollowAsync(IAsyncEnumerable<ChangeBatch> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in changes.WithCancellation(cancellationToken))
            {
                var started = _clock.GetTimestamp();
                await _owner.InvokeAsync(async () =>
                {
                    await ReloadAsync(cancellationToken);
                    _owner.StateHasChanged();
                });
                // A slow re-query (a loaded machine, a huge store) waits at least as long as it took, so a page never
                // spends more than half its time re-querying however fast changes come.
                var took = _clock.GetElapsedTime(started);
                var pause = took > MinimumRefreshInterval - took ? took : MinimumRefreshInterval - took;
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, _clock, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed, or following another filter now.
        }
        catch (Exception e)
        {
            await _owner.DispatchExceptionAsync(e);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await _load(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task StopFollowingAsync()
    {
        if (_following is null)
        {
            return;
        }
        await _following.CancelAsync();
        await _updates;
        _following.Dispose();
        _following = null;
        _followedFilter = null;
    }
}
