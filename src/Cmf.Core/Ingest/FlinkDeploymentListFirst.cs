using Cmf.Core.Kubernetes;

namespace Cmf.Core.Ingest;

/// <summary>
/// At a first start the JobManager Deployment and pod lists of a scope arrive before its FlinkDeployment list (they
/// are smaller), and applying them first writes a held cluster row per application that the FlinkDeployment list then
/// rewrites. Its Event list (about FlinkDeployments) comes first too, and applied first it makes an application with
/// no instance for each, whose Events then belong to no instance. This holds back a scope's JobManager and
/// FlinkDeployment Event signals, from such a list that comes first on, until the scope's FlinkDeployment watch has
/// listed (or caught up), then hands them on right behind that list, in the order they happened (as a batch orders
/// them). It never waits for a watch that is not there or that failed before listing.
/// </summary>
internal sealed class FlinkDeploymentListFirst(WatchHealth health)
{
    private readonly Dictionary<string, List<WatchSignal>> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);

    /// <summary>Some scope's signals are held: the caller must call <see cref="ReleaseFailed"/> now and then.</summary>
    public bool Holding => _held.Count > 0;

    /// <summary>The signals to apply now, in order: none (held), the signal, or a FlinkDeployment list and what its scope held.</summary>
    public IReadOnlyList<WatchSignal> Admit(WatchSignal signal)
    {
        var scope = signal.Namespace ?? "*";
        if (signal.Kind == ResourceKind.FlinkDeployment)
        {
            if (signal is not (ResourceListed or ResourceCaughtUp))
            {
                return [signal];
            }
            _listed.Add(scope);
            return _held.Remove(scope, out var waiting) ? [signal, .. SignalOrder.ByResourceVersion(waiting)] : [signal];
        }
        if (signal.Kind is not (ResourceKind.JobManagerDeployment or ResourceKind.JobManagerPod or ResourceKind.FlinkDeploymentEvent)
            || _listed.Contains(scope))
        {
            return [signal];
        }
        if (_held.TryGetValue(scope, out var held))
        {
            held.Add(signal);
            return [];
        }
        if (signal is ResourceListed && IsListing(scope))
        {
            _held[scope] = [signal];
            return [];
        }
        return [signal];
    }

    /// <summary>What is held for scopes whose FlinkDeployment watch failed or stopped before it listed: waiting longer could be forever.</summary>
    public IReadOnlyList<WatchSignal> ReleaseFailed()
    {
        var released = new List<WatchSignal>();
        foreach (var scope in _held.Keys.Where(s => !IsListing(s)).ToList())
        {
            released.AddRange(SignalOrder.ByResourceVersion(_held[scope]));
            _held.Remove(scope);
            _listed.Add(scope);
        }
        return released;
    }

    /// <summary>
    /// The scope's FlinkDeployment watch exists and its list (or catch-up) is coming: it has listed (the list may still
    /// be in the channel) or has not failed yet. A watch that failed once before listing may keep failing.
    /// </summary>
    private bool IsListing(string scope) =>
        health.StatusOf(WatchHealth.NameOf(ResourceKind.FlinkDeployment, scope == "*" ? null : scope)) is { } watch
        && (watch.Listed || (watch.Restarts == 0 && watch.Phase is not (WatchPhase.BackingOff or WatchPhase.Stopped)));
}
