using System.Collections.Concurrent;

namespace Cmf.Core.Kubernetes;

public enum WatchPhase
{
    Starting,
    Listing,
    Watching,
    BackingOff,
    Stopped,
}

/// <summary>One watch loop's state, as /readyz reports it.</summary>
public sealed record WatchStatus(string Name, WatchPhase Phase, bool Synced, DateTimeOffset? LastEventAt, string? LastError, int Relists, int Restarts);

/// <summary>Shared, thread-safe view of every watch loop and of the pipeline's first commit.</summary>
public sealed class WatchHealth
{
    private readonly ConcurrentDictionary<string, WatchStatus> _watches = new(StringComparer.Ordinal);
    private volatile bool _initialListsCommitted;

    public IReadOnlyList<WatchStatus> Watches => [.. _watches.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];

    /// <summary>Every watch has listed once and the pipeline has committed what the lists held.</summary>
    public bool IsReady => _initialListsCommitted && !_watches.IsEmpty && _watches.Values.All(w => w.Synced);

    public void Register(string name) => _watches.TryAdd(name, new WatchStatus(name, WatchPhase.Starting, false, null, null, 0, 0));

    public void Update(string name, Func<WatchStatus, WatchStatus> change) =>
        _watches.AddOrUpdate(name, n => change(new WatchStatus(n, WatchPhase.Starting, false, null, null, 0, 0)), (_, s) => change(s));

    public void MarkInitialListsCommitted() => _initialListsCommitted = true;

    public bool InitialListsCommitted => _initialListsCommitted;
}
