using Cmf.Core.Feed;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Everything that keeps one page live, as one thing the page holds and disposes: its data re-queried as the change feed
/// reports changes (<see cref="LiveQuery"/>) and the clock moving it on when nothing changes (<see cref="ClockTicks"/>).
/// Built by <see cref="LiveViews"/>.
/// </summary>
public sealed class LiveView : IAsyncDisposable
{
    private readonly LiveQuery _query;
    private readonly ClockTicks _ticks;

    internal LiveView(LiveQuery query, ClockTicks ticks)
    {
        _query = query;
        _ticks = ticks;
    }

    /// <inheritdoc cref="LiveQuery.ShowAsync"/>
    public Task ShowAsync(ChangeFilter filter) => _query.ShowAsync(filter);

    /// <inheritdoc cref="LiveQuery.RefreshAsync"/>
    public Task RefreshAsync() => _query.RefreshAsync();

    public async ValueTask DisposeAsync()
    {
        await _ticks.DisposeAsync();
        await _query.DisposeAsync();
    }
}
