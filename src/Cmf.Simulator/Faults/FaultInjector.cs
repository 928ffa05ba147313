using Cmf.Simulator.Store;

namespace Cmf.Simulator.Faults;

/// <summary>
/// Breaks the simulated API server on purpose, in-process or over HTTP under <c>/_sim/faults/</c>:
/// drop every open watch, expire resource versions, answer errors, stall, or hang watches silently.
/// Requests under <c>/_sim/</c> are never affected.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly WatchRegistry _watches;
    private readonly ResourceStore _store;
    private int _failuresLeft;
    private int _failureStatus = 500;
    private int _stallsLeft;
    private TimeSpan _stallDelay;
    private volatile bool _watchesStalled;

    internal FaultInjector(WatchRegistry watches, ResourceStore store)
    {
        _watches = watches;
        _store = store;
    }

    /// <summary>Number of watch streams open now.</summary>
    public int OpenWatches => _watches.Count;

    /// <summary>Cuts every open watch connection, as an API server restart or a network blip does; returns how many were cut.</summary>
    public int DropAllWatches() => _watches.DropAll();

    /// <summary>Expires every resource version before now: later watches resuming from one get 410 Expired.</summary>
    public void CompactResourceVersions() => _store.Compact();

    /// <summary>
    /// The next continue of a paged list is answered 410 Expired, as when etcd compacts past a list's version between two
    /// of its pages; returns nothing, <see cref="ExpiredListContinues"/> counts them.
    /// </summary>
    public void ExpireNextListContinue() => _store.ExpireNextContinue();

    /// <summary>Continues answered 410 Expired because of <see cref="ExpireNextListContinue"/>.</summary>
    public int ExpiredListContinues => _store.ExpiredContinues;

    /// <summary>Answers the next <paramref name="count"/> API requests with a Status error of <paramref name="statusCode"/>.</summary>
    public void FailNextRequests(int count, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected failure must be an HTTP error status (400-599).");
        }
        lock (_gate)
        {
            _failuresLeft = count;
            _failureStatus = statusCode;
        }
    }

    /// <summary>Delays the next <paramref name="count"/> API requests by <paramref name="delay"/> (real time) before answering them.</summary>
    public void StallNextRequests(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            _stallsLeft = count;
            _stallDelay = delay;
        }
    }

    /// <summary>While true, open watches stay connected but send nothing, not even bookmarks: the silent hang a watchdog must notice.</summary>
    public bool WatchesStalled
    {
        get => _watchesStalled;
        set => _watchesStalled = value;
    }

    /// <summary>Clears every pending failure and stall.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _failuresLeft = 0;
            _stallsLeft = 0;
        }
        _watchesStalled = false;
    }

    internal bool TryTakeFailure(out int statusCode)
    {
        lock (_gate)
        {
            statusCode = _failureStatus;
            if (_failuresLeft == 0)
            {
                return false;
            }
            _failuresLeft--;
            return true;
        }
    }

    internal bool TryTakeStall(out TimeSpan delay)
    {
        lock (_gate)
        {
            delay = _stallDelay;
            if (_stallsLeft == 0)
            {
                return false;
            }
            _stallsLeft--;
            return true;
        }
    }
}
