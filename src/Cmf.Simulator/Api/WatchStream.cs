using System.Text;
using System.Text.Json.Nodes;
using Cmf.Simulator.Faults;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited JSON events, flushed as they happen, bookmarks on quiet
/// streams that asked for them, a clean end at timeoutSeconds, and "Expired" for versions out of the window.
/// </summary>
internal sealed class WatchStream(ResourceStore store, SimulatorClock clock, WatchRegistry registry, FaultInjector faults, SimulatorOptions options)
{
    private static readonly TimeSpan StalledPoll = TimeSpan.FromMilliseconds(100);

    public sealed record Request(
        ResourceType Type,
        Func<StoredObject, bool> Filter,
        long? FromVersion,
        bool AllowBookmarks,
        TimeSpan? Timeout,
        bool AsTable,
        string? IncludeObject);

    public async Task ServeAsync(HttpContext context, Request request, CancellationToken serverStopping)
    {
        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(request.Type, request.FromVersion, request.Filter);
        }
        catch (ResourceVersionExpiredException expired)
        {
            var error = ApiException.Expired(expired.Message);
            if (options.WatchExpiry == WatchExpirySignal.HttpGone)
            {
                throw error;
            }
            StartStreaming(context);
            await WriteLineAsync(context, new JsonObject { ["type"] = WatchEventType.Error, ["object"] = StatusObject.From(error) }, context.RequestAborted);
            return;
        }

        using (subscription)
        {
            using var dropped = registry.Register(context.RequestAborted);
            using var stopping = serverStopping.Register(dropped.Cancel);
            try
            {
                StartStreaming(context);
                await context.Response.Body.FlushAsync(dropped.Token);
                await PumpAsync(context, subscription, request, dropped.Token);
            }
            catch (OperationCanceledException) when (dropped.IsCancellationRequested)
            {
                // A dropped watch is cut, not ended: the client sees the connection break.
                context.Abort();
            }
            finally
            {
                registry.Unregister(dropped);
            }
        }
    }

    private async Task PumpAsync(HttpContext context, WatchSubscription subscription, Request request, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + (request.Timeout ?? options.DefaultWatchTimeout);
        var nextBookmark = DateTimeOffset.UtcNow + options.BookmarkInterval;
        var reader = subscription.Reader;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= deadline)
            {
                return;
            }
            if (faults.WatchesStalled)
            {
                await Task.Delay(StalledPoll, ct);
                continue;
            }
            if (request.AllowBookmarks && now >= nextBookmark)
            {
                store.EnqueueBookmark(subscription);
                nextBookmark = now + options.BookmarkInterval;
            }
            var wakeUp = request.AllowBookmarks && nextBookmark < deadline ? nextBookmark : deadline;
            if (!await WaitToReadAsync(reader, wakeUp - now, ct))
            {
                if (reader.Completion.IsCompleted)
                {
                    return;
                }
                continue;
            }
            var wrote = false;
            while (!faults.WatchesStalled && reader.TryRead(out var item))
            {
                await WriteItemAsync(context, request, item, ct);
                wrote = true;
            }
            if (wrote)
            {
                await context.Response.Body.FlushAsync(ct);
            }
        }
    }

    private static async Task<bool> WaitToReadAsync(System.Threading.Channels.ChannelReader<WatchItem> reader, TimeSpan wait, CancellationToken ct)
    {
        if (wait <= TimeSpan.Zero)
        {
            return reader.TryPeek(out _);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void StartStreaming(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = ApiResponses.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
    }

    private Task WriteItemAsync(HttpContext context, Request request, WatchItem item, CancellationToken ct)
    {
        if (item.EventType == WatchEventType.Bookmark)
        {
            var bookmark = new JsonObject
            {
                ["kind"] = request.AsTable ? "Table" : request.Type.Kind,
                ["apiVersion"] = request.AsTable ? "meta.k8s.io/v1" : request.Type.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = item.BookmarkVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            return WriteLineAsync(context, new JsonObject { ["type"] = WatchEventType.Bookmark, ["object"] = bookmark }, ct);
        }
        if (request.AsTable)
        {
            var table = TableView.ForObject(request.Type, item.Object!.ToJsonObject(), clock.Now, request.IncludeObject);
            return WriteLineAsync(context, new JsonObject { ["type"] = item.EventType, ["object"] = table }, ct);
        }
        return WriteFrameAsync(context, item.EventType, item.Object!.Json, ct);
    }

    private static async Task WriteFrameAsync(HttpContext context, string eventType, byte[] objectJson, CancellationToken ct)
    {
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{eventType}\",\"object\":"), ct);
        await body.WriteAsync(objectJson, ct);
        await body.WriteAsync("}\n"u8.ToArray(), ct);
    }

    private static async Task WriteLineAsync(HttpContext context, JsonObject line, CancellationToken ct)
    {
        var bytes = ApiServerJson.SerializeToUtf8Bytes(line);
        await context.Response.Body.WriteAsync(bytes, ct);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
