namespace Cmf.Simulator.Operator;

/// <summary>
/// Runs the simulated cluster's work at simulated times, one step at a time. With a running clock a
/// background loop sleeps until the next step is due; with a manual clock nothing runs until
/// <see cref="AdvanceToAsync"/> walks time forward through every step due on the way.
/// </summary>
internal sealed class OperatorScheduler(SimulatorClock clock) : IAsyncDisposable
{
    private const int MaxStepsPerAdvance = 1_000_000;
    private const int MaxRecordedErrors = 100;

    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, (DateTimeOffset Due, long Sequence)> _queue = new();
    private readonly Dictionary<string, (DateTimeOffset Due, Action Work)> _pending = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _stepGate = new(1, 1);
    private readonly SemaphoreSlim _advanceGate = new(1, 1);
    private readonly List<string> _errors = [];
    private readonly CancellationTokenSource _stop = new();
    private long _sequence;
    private Task? _loop;

    /// <summary>Steps that threw, newest last (kept for diagnosis and for tests to assert there were none).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> at <paramref name="due"/>, unless the same key is already due earlier.</summary>
    public void Schedule(string key, DateTimeOffset due, Action work)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var existing) && existing.Due <= due)
            {
                return;
            }
            _pending[key] = (due, work);
            _queue.Enqueue(key, (due, ++_sequence));
        }
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public void Start()
    {
        if (!clock.IsManual)
        {
            _loop = Task.Run(() => RunLoopAsync(_stop.Token));
        }
    }

    /// <summary>Moves a manual clock to <paramref name="target"/>, running every step due up to then in order.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target, CancellationToken ct)
    {
        await _advanceGate.WaitAsync(ct);
        try
        {
            for (var steps = 0; steps < MaxStepsPerAdvance; steps++)
            {
                ct.ThrowIfCancellationRequested();
                if (NextDue() is not { } next || next > target)
                {
                    break;
                }
                clock.MoveManualTo(next);
                RunDue(next);
            }
            clock.MoveManualTo(target);
        }
        finally
        {
            _advanceGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping is the point.
            }
        }
        _stop.Dispose();
    }

    private async Task RunLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            RunDue(clock.Now);
            var wait = NextDue() is { } next ? clock.ToRealTime(next - clock.Now) : Timeout.InfiniteTimeSpan;
            if (wait != TimeSpan.Zero)
            {
                await _wake.WaitAsync(wait, ct);
            }
        }
    }

    private DateTimeOffset? NextDue()
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var key, out var priority))
            {
                if (_pending.TryGetValue(key, out var entry) && entry.Due == priority.Due)
                {
                    return priority.Due;
                }
                _queue.Dequeue();
            }
            return null;
        }
    }

    private void RunDue(DateTimeOffset now)
    {
        while (TryTakeDue(now, out var work))
        {
            _stepGate.Wait();
            try
            {
                work();
            }
            catch (Exception error)
            {
                lock (_gate)
                {
                    if (_errors.Count < MaxRecordedErrors)
                    {
                        _errors.Add(error.ToString());
                    }
                }
            }
            finally
            {
                _stepGate.Release();
            }
        }
    }

    private bool TryTakeDue(DateTimeOffset now, out Action work)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var key, out var priority))
            {
                if (!_pending.TryGetValue(key, out var entry) || entry.Due != priority.Due)
                {
                    _queue.Dequeue();
                    continue;
                }
                if (priority.Due > now)
                {
                    break;
                }
                _queue.Dequeue();
                _pending.Remove(key);
                work = entry.Work;
                return true;
            }
            work = static () => { };
            return false;
        }
    }
}
