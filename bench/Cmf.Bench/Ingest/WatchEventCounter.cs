using System.Globalization;
using System.Text.Json;

namespace Cmf.Bench.Ingest;

/// <summary>Watch events of each of the watcher's three watches.</summary>
internal readonly record struct WatchEventCount(int FlinkDeployments, int JobManagerDeployments, int JobManagerPods)
{
    public int Total => FlinkDeployments + JobManagerDeployments + JobManagerPods;

    public static WatchEventCount operator +(WatchEventCount a, WatchEventCount b) =>
        new(a.FlinkDeployments + b.FlinkDeployments, a.JobManagerDeployments + b.JobManagerDeployments, a.JobManagerPods + b.JobManagerPods);

    public override string ToString() =>
        $"{FlinkDeployments} FlinkDeployment, {JobManagerDeployments} JobManager Deployment and {JobManagerPods} JobManager pod events";
}

/// <summary>
/// Counts, over plain HTTP, the events the watcher's watches (same paths, same label selector) get between two
/// resourceVersions; a bookmark at or past the end version says the stream has delivered everything before it.
/// </summary>
internal sealed class WatchEventCounter(Uri server) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = Timeout };

    public async Task<WatchEventCount> CountAsync(long fromVersion, long toVersion, CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(
            CountOneAsync("apis/flink.apache.org/v1beta1/flinkdeployments", null, fromVersion, toVersion, cancellationToken),
            CountOneAsync("apis/apps/v1/deployments", "component=jobmanager", fromVersion, toVersion, cancellationToken),
            CountOneAsync("api/v1/pods", "component=jobmanager", fromVersion, toVersion, cancellationToken));
        return new WatchEventCount(counts[0], counts[1], counts[2]);
    }

    private async Task<int> CountOneAsync(string path, string? selector, long fromVersion, long toVersion, CancellationToken cancellationToken)
    {
        var query = $"{path}?watch=true&allowWatchBookmarks=true&timeoutSeconds={(int)Timeout.TotalSeconds}&resourceVersion={fromVersion}"
            + (selector is null ? "" : $"&labelSelector={Uri.EscapeDataString(selector)}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var response = await _http.GetAsync(query, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var count = 0;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            using var document = JsonDocument.Parse(line);
            var type = document.RootElement.GetProperty("type").GetString();
            var version = long.Parse(
                document.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString()!,
                CultureInfo.InvariantCulture);
            if (type is "ADDED" or "MODIFIED" or "DELETED" && version <= toVersion)
            {
                count++;
            }
            else if (type == "BOOKMARK" && version >= toVersion)
            {
                return count;
            }
            else if (type == "ERROR")
            {
                throw new InvalidOperationException($"The watch of {path} from {fromVersion} failed: {line}");
            }
        }
        throw new InvalidOperationException($"The watch of {path} ended before reaching version {toVersion}.");
    }

    public void Dispose() => _http.Dispose();
}
