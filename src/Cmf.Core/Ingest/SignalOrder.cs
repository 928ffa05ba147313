using Cmf.Core.Kubernetes;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// Puts the signals of several watches back into the order they happened. Kubernetes resourceVersions are
/// etcd revisions, one counter for every kind, so they order events across watches; within one watch the
/// order is kept as it arrived. Servers with non-numeric versions keep arrival order.
/// </summary>
internal static class SignalOrder
{
    public static IReadOnlyList<WatchSignal> ByResourceVersion(List<WatchSignal> signals)
    {
        if (signals.Count < 2)
        {
            return signals;
        }
        var keys = new ulong[signals.Count];
        var lastByWatch = new Dictionary<(ResourceKind, string?), ulong>();
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            var watch = (signal.Kind, signal.Namespace);
            var version = signal switch
            {
                ResourceChanged changed => changed.ResourceVersion,
                ResourceListed listed => listed.ResourceVersion,
                _ => null,
            };
            if (version is null)
            {
                // A marker stays right behind the last event of its own watch.
                keys[i] = lastByWatch.GetValueOrDefault(watch);
            }
            else if (ulong.TryParse(version, out var numeric))
            {
                keys[i] = numeric;
            }
            else
            {
                return signals;
            }
            lastByWatch[watch] = keys[i];
        }
        return [.. Enumerable.Range(0, signals.Count).OrderBy(i => keys[i]).ThenBy(i => i).Select(i => signals[i])];
    }
}
