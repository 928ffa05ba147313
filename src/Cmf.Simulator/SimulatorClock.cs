using System.Diagnostics;

namespace Cmf.Simulator;

/// <summary>
/// The simulated cluster's time. Either it runs <see cref="Speed"/> times faster than real time, or it is
/// manual and moves only when a test calls <see cref="AdvanceAsync"/>, which runs every operator step
/// that falls due on the way, in order.
/// </summary>
public sealed class SimulatorClock
{
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp = Stopwatch.GetTimestamp();
    private long _manualTicks;

    internal SimulatorClock(DateTimeOffset start, double speed, bool manual)
    {
        if (speed <= 0 || double.IsNaN(speed) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a positive number.");
        }
        _origin = start;
        _manualTicks = start.UtcTicks;
        Speed = speed;
        IsManual = manual;
    }

    public bool IsManual { get; }

    /// <summary>Simulated seconds per real second when the clock is not manual.</summary>
    public double Speed { get; }

    public DateTimeOffset Now => IsManual
        ? new DateTimeOffset(Interlocked.Read(ref _manualTicks), TimeSpan.Zero)
        : _origin + Stopwatch.GetElapsedTime(_originTimestamp) * Speed;

    /// <summary>Set by the operator: moves a manual clock forward, running each step that becomes due.</summary>
    internal Func<DateTimeOffset, CancellationToken, Task>? AdvanceHandler { get; set; }

    /// <summary>Moves a manual clock forward by <paramref name="duration"/>, running every operator step due meanwhile.</summary>
    public Task AdvanceAsync(TimeSpan duration, CancellationToken ct = default)
    {
        if (!IsManual)
        {
            throw new InvalidOperationException("The clock is not manual: start the simulator with ManualClock = true to advance it.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var target = Now + duration;
        return AdvanceHandler is { } handler ? handler(target, ct) : SetAsync(target);
    }

    private Task SetAsync(DateTimeOffset target)
    {
        MoveManualTo(target);
        return Task.CompletedTask;
    }

    /// <summary>Moves a manual clock to <paramref name="time"/>; never backwards.</summary>
    internal void MoveManualTo(DateTimeOffset time)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _manualTicks);
            if (time.UtcTicks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _manualTicks, time.UtcTicks, current) != current);
    }

    /// <summary>How long to wait in real time for <paramref name="simulated"/> to pass.</summary>
    internal TimeSpan ToRealTime(TimeSpan simulated) =>
        simulated <= TimeSpan.Zero ? TimeSpan.Zero : simulated / Speed;
}
