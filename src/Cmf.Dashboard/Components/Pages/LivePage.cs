using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// The live page (STYLE.md, after the Aspire dashboard's resource pages): a page queries what it shows, and in the
/// interactive render it also follows the change feed, re-querying on each batch and re-rendering. Batches carry keys,
/// never data, so a circuit holds only what is on screen; the page's <see cref="ChangeFilter"/> already keeps the batches to
/// those that touch what it shows (or ask for a resync). Prerendering queries once and subscribes to nothing.
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    /// <summary>
    /// At most one re-query per interval, start to start: batches that arrive meanwhile are merged by the feed into one.
    /// It matches the feed's default coalescing window, so under constant change a page lags by about one window, not two.
    /// </summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often relative times, "now" and open-ended bars move on when nothing else changes.</summary>
    public static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private CancellationTokenSource? _following;
    private ChangeFilter? _followedFilter;
    private Task _updates = Task.CompletedTask;
    private Task? _ticks;
    private string? _path;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    [Inject]
    protected StoreQueries Queries { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private EmbedMode? Embed { get; set; }

    protected bool IsEmbedded => Embed?.IsEmbedded ?? false;

    protected override void OnInitialized()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>Queries what the page shows into its fields. Runs on the renderer, never two at once.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>The clock moved on by <see cref="ClockInterval"/>: take a new "now" (no query needed). Runs on the renderer.</summary>
    protected virtual void OnClockTick()
    {
    }

    /// <summary>
    /// Loads the page now; in an interactive render also follows the changes <paramref name="filter"/> selects
    /// (a different filter, e.g. after navigating to another application, replaces the subscription).
    /// </summary>
    protected async Task ShowAsync(ChangeFilter filter)
    {
        if (!RendererInfo.IsInteractive || Equals(filter, _followedFilter))
        {
            await ReloadAsync(_disposed.Token);
            return;
        }
        await StopFollowingAsync();
        if (_ticks is null)
        {
            var timer = new PeriodicTimer(ClockInterval, Clock);
            _ticks = Task.Run(() => TickAsync(timer, _disposed.Token), CancellationToken.None);
        }
        _followedFilter = filter;
        _following = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        var token = _following.Token;
        // The feed registers before it takes the snapshot, so nothing committed in between is missed.
        var subscription = await Feed.SubscribeAsync(filter, async ct =>
        {
            await ReloadAsync(ct);
            return true;
        }, token);
        _updates = Task.Run(() => FollowAsync(subscription.Changes, token), CancellationToken.None);
    }

    /// <summary>Queries again for state the URL does not hold (a page of a table inside a tab).</summary>
    protected Task RefreshAsync() => ReloadAsync(_disposed.Token);

    /// <summary>Goes to another view of the same page (a filter, a tab, a range): every such state lives in the URL.</summary>
    protected void NavigateTo(string url, bool replace = false) =>
        Navigation.NavigateTo(DashboardUrls.WithEmbed(url, IsEmbedded), replace: replace);

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        await _disposed.CancelAsync();
        await StopFollowingAsync();
        if (_ticks is not null)
        {
            await _ticks;
        }
        _disposed.Dispose();
        _loading.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The router re-renders a page whose route values did not change without setting its parameters again, so a new
    /// query string alone (a filter, a tab, a time range) would go unseen: read the address again, as new parameters would.
    /// </summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        var samePage = path == _path;
        _path = path;
        if (samePage)
        {
            _ = InvokeAsync(ReadAddressAsync);
        }
    }

    private async Task ReadAddressAsync()
    {
        try
        {
            await OnParametersSetAsync();
            StateHasChanged();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page closed while it read the new address.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private async Task FollowAsync(IAsyncEnumerable<ChangeBatch> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in changes.WithCancellation(cancellationToken))
            {
                var started = Clock.GetTimestamp();
                await InvokeAsync(async () =>
                {
                    await ReloadAsync(cancellationToken);
                    StateHasChanged();
                });
                // A slow re-query (a loaded machine, a huge store) waits at least as long as it took, so a page never
                // spends more than half its time re-querying however fast changes come.
                var took = Clock.GetElapsedTime(started);
                var pause = took > MinimumRefreshInterval - took ? took : MinimumRefreshInterval - took;
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, Clock, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed, or following another filter now.
        }
        catch (Exception e)
        {
            // A failing re-query reaches the page's error boundary instead of dying unseen on a pool thread.
            await DispatchExceptionAsync(e);
        }
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using var _ = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    OnClockTick();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
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
