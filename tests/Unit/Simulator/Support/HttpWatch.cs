using System.Globalization;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// A raw watch stream (newline-delimited JSON over HTTP) whose events are collected in the background,
/// so a test can look at every intermediate state the operator wrote, in order.
/// </summary>
internal sealed class HttpWatch : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonObject> _events = [];
    private readonly Lock _gate = new();
    private readonly Task _reader;
    private long _highestVersion;

    private HttpWatch(HttpClient client, Stream stream)
    {
        _client = client;
        _reader = Task.Run(() => ReadAsync(stream));
    }

    /// <summary>Events except bookmarks, oldest first.</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The objects of the events (ADDED, MODIFIED, DELETED), oldest first.</summary>
    public IReadOnlyList<JsonObject> Objects => [.. Events.Select(e => (JsonObject)e["object"]!)];

    public bool Ended => _reader.IsCompleted;

    /// <summary>Opens a watch on <paramref name="path"/> (a collection) with bookmarks, from now.</summary>
    public static async Task<HttpWatch> StartAsync(Uri baseUrl, string path, string query = "")
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var response = await client.GetAsync($"{path}{separator}watch=true&allowWatchBookmarks=true{query}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new HttpWatch(client, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Waits until the stream has delivered everything up to <paramref name="resourceVersion"/> (bookmarks prove it on quiet streams).</summary>
    public Task CaughtUpAsync(long resourceVersion) =>
        Eventually.TrueAsync(() => Interlocked.Read(ref _highestVersion) >= resourceVersion, $"the watch delivered resource version {resourceVersion}");

    public Task WaitForAsync(Func<JsonObject, bool> objectMatches, string what) =>
        Eventually.TrueAsync(() => Objects.Any(objectMatches), what);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The stream ends because we stopped it.
        }
        _stop.Dispose();
    }

    private async Task ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject evt)
            {
                continue;
            }
            var version = evt["object"]?["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var rv))
            {
                InterlockedMax(rv);
            }
            if (evt["type"]?.GetValue<string>() != "BOOKMARK")
            {
                lock (_gate)
                {
                    _events.Add(evt);
                }
            }
        }
    }

    private void InterlockedMax(long value)
    {
        long current;
        while ((current = Interlocked.Read(ref _highestVersion)) < value
            && Interlocked.CompareExchange(ref _highestVersion, value, current) != current)
        {
        }
    }
}
