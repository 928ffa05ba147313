using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Cmf.Core.Model;
using Microsoft.Extensions.Logging;
using k8s;
using k8s.Autorest;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// The list-then-watch loop for one kind in one scope (KubernetesClient has no informer). Lists, watches from
/// the list's resourceVersion, resumes from the last version seen when a watch ends, relists on 410 Gone,
/// restarts a watch that went silent (bookmarks keep a healthy one talking) and backs off with jitter on errors.
/// Started with the position stored at the last commit, it first replays what it missed instead of listing,
/// so a restart of the dashboard loses no intermediate generation the API server still remembers.
/// </summary>
internal sealed class ResourceWatch(
    ResourceApi api, WatchSettings settings, WatchHealth health, RelistSignal relist, ILogger logger, IWatchMetrics? metrics = null)
{
    private readonly Random _jitter = new();
    private string? _catchUpTo;
    private bool _caughtUp;
    private string? _resourceVersion;

    public string Name => api.Name;

    public async Task RunAsync(ChannelWriter<WatchSignal> output, string? storedPosition, CancellationToken cancellationToken)
    {
        health.Register(Name);
        _resourceVersion = storedPosition;
        _caughtUp = storedPosition is null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_resourceVersion is null)
                {
                    health.Update(Name, s => s with { Phase = WatchPhase.Listing });
                    var (items, listVersion) = await api.ListAsync(settings.ListPageSize, cancellationToken);
                    logger.LogDebug("Watch {Watch}: listed {Count} items at {Version}.", Name, items.Count, listVersion);
                    await output.WriteAsync(new ResourceListed(api.Kind, api.Namespace, items, listVersion), cancellationToken);
                    _resourceVersion = listVersion;
                    _caughtUp = true;
                    health.Update(Name, s => s with { Phase = WatchPhase.Watching, Listed = true, LastEventAt = settings.Time.GetUtcNow(), LastError = null });
                }
                else if (!_caughtUp && _catchUpTo is null)
                {
                    // Resuming after a restart: learn how far the backlog reaches, then replay it by watching.
                    health.Update(Name, s => s with { Phase = WatchPhase.Listing });
                    var current = await api.CurrentVersionAsync(cancellationToken);
                    if (ResourceVersions.IsNewer(_resourceVersion, current))
                    {
                        // A stored position beyond the server's own version belongs to another history (a restored etcd):
                        // the list is the truth.
                        logger.LogWarning("Watch {Watch}: stored position {Stored} is ahead of the server ({Current}); relisting.", Name, _resourceVersion, current);
                        (var items, current) = await api.ListAsync(settings.ListPageSize, cancellationToken);
                        await output.WriteAsync(new ResourceListed(api.Kind, api.Namespace, items, current), cancellationToken);
                        _resourceVersion = current;
                        _caughtUp = true;
                        health.Update(Name, s => s with { Phase = WatchPhase.Watching, Listed = true, Relists = s.Relists + 1 });
                        metrics?.WatchRelisted(Name);
                    }
                    else
                    {
                        _catchUpTo = current;
                        await CheckCaughtUpAsync(_resourceVersion, output, cancellationToken);
                    }
                }
                var relistRequested = relist.Token;
                await WatchOnceAsync(output, relistRequested, cancellationToken);
                if (relistRequested.IsCancellationRequested)
                {
                    _resourceVersion = null;
                    _catchUpTo = null;
                    health.Update(Name, s => s with { Relists = s.Relists + 1 });
                    metrics?.WatchRelisted(Name);
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (IsGone(e))
            {
                logger.LogInformation("Watch {Watch}: resourceVersion {Version} expired; relisting.", Name, _resourceVersion);
                _resourceVersion = null;
                _catchUpTo = null;
                health.Update(Name, s => s with { Relists = s.Relists + 1 });
                metrics?.WatchRelisted(Name);
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException or System.Text.Json.JsonException or TimeoutException or OperationCanceledException)
            {
                failures++;
                var delay = Backoff(failures);
                logger.LogWarning("Watch {Watch} failed ({Error}); retrying in {Delay}.", Name, e.Message, delay);
                health.Update(Name, s => s with { Phase = WatchPhase.BackingOff, LastError = e.Message, Restarts = s.Restarts + 1 });
                metrics?.WatchRestarted(Name);
                try
                {
                    await Task.Delay(delay, settings.Time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        health.Update(Name, s => s with { Phase = WatchPhase.Stopped });
    }

    /// <summary>Watches until the server ends the watch, the watchdog fires or an error ends it; every event moves the resume position.</summary>
    private async Task WatchOnceAsync(ChannelWriter<WatchSignal> output, CancellationToken relistRequested, CancellationToken cancellationToken)
    {
        var resourceVersion = _resourceVersion!;
        using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, relistRequested);
        watchdog.CancelAfter(settings.Watchdog);
        health.Update(Name, s => s with { Phase = WatchPhase.Watching });
        logger.LogDebug("Watch {Watch}: watching from {Version}.", Name, resourceVersion);
        try
        {
            // An ERROR event (e.g. 410 Expired) is thrown by the enumeration and ends this watch; the loop decides what next.
            await foreach (var (type, obj) in api.WatchAsync(resourceVersion, settings.TimeoutSeconds, watchdog.Token))
            {
                watchdog.CancelAfter(settings.Watchdog);
                health.Update(Name, s => s with { LastEventAt = settings.Time.GetUtcNow() });
                if (ResourceVersionOf(obj.Json) is { Length: > 0 } version)
                {
                    resourceVersion = version;
                    _resourceVersion = version;
                }
                if (ToEventKind(type) is { } kind)
                {
                    metrics?.WatchEvent(api.Kind);
                    await output.WriteAsync(new ResourceChanged(api.Kind, api.Namespace, kind, obj, resourceVersion, Replayed: !_caughtUp), cancellationToken);
                }
                await CheckCaughtUpAsync(resourceVersion, output, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (!relistRequested.IsCancellationRequested)
            {
                logger.LogWarning("Watch {Watch} was silent for {Watchdog}; restarting it from {Version}.", Name, settings.Watchdog, resourceVersion);
                health.Update(Name, s => s with { Restarts = s.Restarts + 1 });
                metrics?.WatchRestarted(Name);
            }
        }
        logger.LogDebug("Watch {Watch}: the server ended the watch at {Version}.", Name, resourceVersion);
    }

    private async Task CheckCaughtUpAsync(string resourceVersion, ChannelWriter<WatchSignal> output, CancellationToken cancellationToken)
    {
        if (_caughtUp || _catchUpTo is null || ResourceVersions.IsNewer(_catchUpTo, resourceVersion))
        {
            return;
        }
        _caughtUp = true;
        await output.WriteAsync(new ResourceCaughtUp(api.Kind, api.Namespace), cancellationToken);
        health.Update(Name, s => s with { Phase = WatchPhase.Watching, Listed = true, LastError = null });
    }

    private TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(failures - 1, 6);
        var baseDelay = settings.InitialBackoff * Math.Pow(2, exponent);
        var capped = baseDelay > settings.MaxBackoff ? settings.MaxBackoff : baseDelay;
        return capped * (0.5 + (_jitter.NextDouble() / 2));
    }

    private static bool IsGone(Exception e) => e switch
    {
        HttpOperationException http => http.Response?.StatusCode == HttpStatusCode.Gone,
        KubernetesException kubernetes => kubernetes.Status?.Code == (int)HttpStatusCode.Gone,
        _ => false,
    };

    private static WatchEventKind? ToEventKind(WatchEventType type) => type switch
    {
        WatchEventType.Added => WatchEventKind.Added,
        WatchEventType.Modified => WatchEventKind.Modified,
        WatchEventType.Deleted => WatchEventKind.Deleted,
        _ => null,
    };

    private static string? ResourceVersionOf(JsonObject obj) =>
        obj["metadata"] is JsonObject metadata && metadata["resourceVersion"] is JsonValue value && value.TryGetValue<string>(out var version)
            ? version
            : null;
}

/// <summary>Timing of the watch loops, and the page size of their lists (0: one request per list).</summary>
internal sealed record WatchSettings(int TimeoutSeconds, TimeSpan Watchdog, TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeProvider Time, int ListPageSize = ClusterWatcherSettings.DefaultListPageSize);
