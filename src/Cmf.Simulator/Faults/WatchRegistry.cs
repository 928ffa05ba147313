namespace Cmf.Simulator.Faults;

/// <summary>The watch streams open right now, so a fault can cut them all.</summary>
internal sealed class WatchRegistry
{
    private readonly Lock _gate = new();
    private readonly HashSet<CancellationTokenSource> _open = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Registers a watch; cancelling the returned source drops it.</summary>
    public CancellationTokenSource Register(CancellationToken requestAborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        lock (_gate)
        {
            _open.Add(source);
        }
        return source;
    }

    public void Unregister(CancellationTokenSource source)
    {
        lock (_gate)
        {
            _open.Remove(source);
        }
    }

    public int DropAll()
    {
        List<CancellationTokenSource> open;
        lock (_gate)
        {
            open = [.. _open];
        }
        foreach (var source in open)
        {
            source.Cancel();
        }
        return open.Count;
    }
}
