namespace Cmf.Simulator.Store;

/// <summary>
/// The retained window of watch events for one resource type: a ring buffer, so memory stays bounded
/// however many changes go through. Resuming from a version older than the window is "Expired".
/// </summary>
internal sealed class WatchEventLog
{
    private readonly StoreChange[] _ring;
    private int _start;
    private int _count;

    public WatchEventLog(int capacity)
    {
        _ring = new StoreChange[Math.Max(1, capacity)];
    }

    /// <summary>Every event at or below this version may have been dropped.</summary>
    public long ExpiredThrough { get; private set; }

    public void Append(StoreChange change)
    {
        if (_count == _ring.Length)
        {
            ExpiredThrough = _ring[_start].Object.ResourceVersion;
            _start = (_start + 1) % _ring.Length;
            _count--;
        }
        _ring[(_start + _count) % _ring.Length] = change;
        _count++;
    }

    /// <summary>Forgets every retained event, as etcd compaction does.</summary>
    public void Compact(long throughVersion)
    {
        Array.Clear(_ring);
        _start = 0;
        _count = 0;
        ExpiredThrough = Math.Max(ExpiredThrough, throughVersion);
    }

    /// <summary>Collects the events after <paramref name="version"/>, or returns false when some of them are gone.</summary>
    public bool TryCollectAfter(long version, List<StoreChange> into)
    {
        if (version < ExpiredThrough)
        {
            return false;
        }
        // Versions increase along the ring, so a binary search finds the first event to send.
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_ring[(_start + mid) % _ring.Length].Object.ResourceVersion <= version)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (var i = lo; i < _count; i++)
        {
            into.Add(_ring[(_start + i) % _ring.Length]);
        }
        return true;
    }
}
