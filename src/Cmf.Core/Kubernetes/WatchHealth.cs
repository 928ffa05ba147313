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
public sealed record WatchStatus(
    string Name,
    WatchPhase Phase,
    bool Listed,
    bool ListCommitted,
    DateTimeOffset? LastEventAt,
    string? LastError,
    int Relists,
    int Restarts)
{
    internal static WatchStatus Initial(string name) => new(name, WatchPhase.Starting, false, false, null, null, 0, 0);
}

/// <summary>Shared, thread-safe view of every watch loop: written by the loops and the pipeline, read by /readyz.</summary>
public sealed class WatchHealth
{
    private readonly ConcurrentDictionary<string, WatchStatus> _watches = new(StringComparer.Ordinal);
    private volatile bool _nothingToWatch;

    public static string NameOf(ResourceKind kind, string? @namespace) => $"{kind}/{@namespace ?? "*"}";

    public IReadOnlyList<WatchStatus> Watches => [.. _watches.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];

    /// <summary>Every watch has listed once and the pipeline has committed what each first list held.</summary>
    public bool IsReady => _nothingToWatch || (!_watches.IsEmpty && _watches.Values.All(w => w.ListCommitted));

    /// <summary>Raised (on the caller's thread) when <see cref="IsReady"/> may have changed: a first list committed, a watch added or forgotten.</summary>
    public event Action? ReadinessChanged;

    /// <summary>No cluster is watched (Cmf:Cluster:Mode None): ready as soon as the store is.</summary>
    public void MarkNothingToWatch()
    {
        _nothingToWatch = true;
        ReadinessChanged?.Invoke();
    }

    /// <summary>Forgets every watch: this replica stopped watching (a follower under high availability).</summary>
    public void Clear()
    {
        _watches.Clear();
        ReadinessChanged?.Invoke();
    }

    /// <summary>The watch's state, or null when no watch of that name is registered.</summary>
    public WatchStatus? StatusOf(string name) => _watches.GetValueOrDefault(name);

    public void Register(string name) => _watches.TryAdd(name, WatchStatus.Initial(name));

    public void Update(string name, Func<WatchStatus, WatchStatus> change) =>
        _watches.AddOrUpdate(name, n => change(WatchStatus.Initial(n)), (_, s) => change(s));

    public void MarkListCommitted(string name)
    {
        Update(name, s => s with { ListCommitted = true });
        ReadinessChanged?.Invoke();
    }
}
