using Cmf.Core.Feed;

namespace Cmf.Dashboard.Components.Pages;

/// <summary>Starts a page's <see cref="LiveView"/> on the dashboard's change feed and clock; injected into the live pages.</summary>
public sealed class LiveViews(ChangeFeed feed, TimeProvider clock)
{
    /// <param name="owner">The page, as the helpers need it (see <see cref="LiveComponent"/>).</param>
    /// <param name="load">Queries what the page shows into its fields; runs on the renderer, never two at once.</param>
    /// <param name="onTick">Takes a new "now" when the clock moves the page on; no query needed.</param>
    public LiveView Start(LiveComponent owner, Func<CancellationToken, Task> load, Action? onTick = null) =>
        new(new LiveQuery(feed, clock, owner, load), ClockTicks.Start(clock, owner, onTick));
}
