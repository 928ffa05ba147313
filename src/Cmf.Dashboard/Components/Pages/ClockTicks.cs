namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// Moves an open page on with the clock when nothing else changes (relative times, "now", open-ended bars): every
/// <see cref="Interval"/> it runs the page's tick on the renderer and re-renders. Only in an interactive render.
/// </summary>
public sealed class ClockTicks : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _ticks;

    private ClockTicks(TimeProvider clock, LiveComponent owner, Action onTick)
    {
        if (!owner.IsInteractive)
        {
            _ticks = Task.CompletedTask;
            return;
        }
        // The timer starts now, not when the pool gets round to the loop: a tick is due one interval after the page opened.
        var timer = new PeriodicTimer(Interval, clock);
        _ticks = Task.Run(() => TickAsync(timer, owner, onTick, _disposed.Token), CancellationToken.None);
    }

    /// <param name="onTick">Takes a new "now"; no query needed.</param>
    public static ClockTicks Start(TimeProvider clock, LiveComponent owner, Action? onTick = null) => new(clock, owner, onTick ?? (() => { }));

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        await _ticks;
        _disposed.Dispose();
    }

    private static async Task TickAsync(PeriodicTimer timer, LiveComponent owner, Action onTick, CancellationToken cancellationToken)
    {
        using var _ = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await owner.InvokeAsync(() =>
                {
                    onTick();
                    owner.StateHasChanged();
                    return Task.CompletedTask;
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
