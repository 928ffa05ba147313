using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// Runs one list/watch loop per kind and scope (every namespace, or each of the given ones) into one channel, and
/// stops them all together. It yields raw objects and positions; what they mean is the ingest pipeline's business.
/// </summary>
public sealed class ClusterWatcher(
    ApiServerClient client,
    WatchHealth health,
    RelistSignal relist,
    ClusterWatcherSettings settings,
    TimeProvider time,
    ILoggerFactory loggers,
    IWatchMetrics? metrics = null)
{
    /// <summary>The API server's address: a resourceVersion only means something on the server that gave it.</summary>
    public string Scope => client.BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Registers every watch with <see cref="WatchHealth"/> (before this returns its task), then runs them until
    /// cancelled. <paramref name="startPosition"/> gives a watch's stored resourceVersion by its name (null: list afresh).
    /// </summary>
    public Task RunAsync(
        IReadOnlyList<string>? namespaces, ChannelWriter<WatchSignal> output, Func<string, string?> startPosition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startPosition);
        var watchSettings = new WatchSettings(
            settings.WatchTimeoutSeconds, settings.Watchdog, settings.InitialBackoff, settings.MaxBackoff, time, settings.ListPageSize);
        var logger = loggers.CreateLogger<ClusterWatcher>();
        var watches = ResourceApi.For(client, namespaces)
            .Select(api => new ResourceWatch(api, watchSettings, health, relist, logger, metrics))
            .ToList();
        foreach (var watch in watches)
        {
            health.Register(watch.Name);
        }
        return Task.WhenAll(watches.Select(w => w.RunAsync(output, startPosition(w.Name), cancellationToken)));
    }
}

/// <summary>Timing of the watch loops (from <c>Cmf:Cluster</c>).</summary>
public sealed record ClusterWatcherSettings(int WatchTimeoutSeconds, TimeSpan Watchdog)
{
    /// <summary>client-go's pager and kubectl's <c>--chunk-size</c> default.</summary>
    public const int DefaultListPageSize = 500;

    /// <summary>Objects per list request; 0 asks for each list in one request.</summary>
    public int ListPageSize { get; init; } = DefaultListPageSize;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
