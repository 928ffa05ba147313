using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cmf.Bench.Ingest;

/// <summary>
/// The recorded stream as the dashboard's watcher receives it: the NDJSON lines of its three watches (FlinkDeployments;
/// Deployments and pods with <c>component=jobmanager</c>), exactly as the simulator served them, from the stream's
/// start to its end version, merged in resourceVersion order (the order the pipeline applies them in) into one file.
/// Bookmarks are left out: they carry no rows. Written before the clock of the baseline starts.
/// </summary>
internal sealed record WatchStreamFile(string Path, int Events, long Bytes)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    private static readonly (string Path, string? Selector)[] Watches =
    [
        ("apis/flink.apache.org/v1beta1/flinkdeployments", null),
        ("apis/apps/v1/deployments", "component=jobmanager"),
        ("api/v1/pods", "component=jobmanager"),
    ];

    public static async Task<WatchStreamFile> RecordAsync(RecordedStream stream, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = stream.Simulator.BaseUrl, Timeout = Timeout };
        var end = stream.Simulator.Api.ResourceVersion;
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var parts = new List<(string File, List<long> Versions)>();
        for (var i = 0; i < Watches.Length; i++)
        {
            var file = System.IO.Path.Combine(directory, $"watch-{i}.ndjson");
            parts.Add((file, await SaveOneAsync(http, Watches[i].Path, Watches[i].Selector, stream.StartVersion, end, file, cancellationToken)));
        }
        var events = await MergeAsync(parts, path, cancellationToken);
        foreach (var (file, _) in parts)
        {
            File.Delete(file);
        }
        return new WatchStreamFile(path, events, new FileInfo(path).Length);
    }

    /// <summary>One watch's event lines, byte for byte, with each line's resourceVersion (read here, outside any clock).</summary>
    private static async Task<List<long>> SaveOneAsync(HttpClient http, string path, string? selector, long fromVersion, long toVersion, string file, CancellationToken cancellationToken)
    {
        var query = $"{path}?watch=true&allowWatchBookmarks=true&timeoutSeconds={(int)Timeout.TotalSeconds}&resourceVersion={fromVersion}"
            + (selector is null ? "" : $"&labelSelector={Uri.EscapeDataString(selector)}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var response = await http.GetAsync(query, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token), Encoding.UTF8);
        await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        var versions = new List<long>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            var (type, version) = TypeAndVersion(line);
            if (type is "ADDED" or "MODIFIED" or "DELETED" && version <= toVersion)
            {
                await writer.WriteLineAsync(line);
                versions.Add(version);
            }
            else if (type == "BOOKMARK" && version >= toVersion)
            {
                return versions;
            }
            else if (type == "ERROR")
            {
                throw new InvalidOperationException($"The watch of {path} from {fromVersion} failed: {line}");
            }
        }
        throw new InvalidOperationException($"The watch of {path} ended before reaching version {toVersion}.");
    }

    private static (string? Type, long Version) TypeAndVersion(string line)
    {
        using var document = JsonDocument.Parse(line);
        var type = document.RootElement.GetProperty("type").GetString();
        var version = long.Parse(
            document.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString()!,
            CultureInfo.InvariantCulture);
        return (type, version);
    }

    /// <summary>Merges the watches' files (each already in resourceVersion order) into one, lowest version first.</summary>
    private static async Task<int> MergeAsync(List<(string File, List<long> Versions)> parts, string path, CancellationToken cancellationToken)
    {
        var readers = parts.Select(p => new StreamReader(p.File, Encoding.UTF8)).ToList();
        try
        {
            await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
            var next = new int[parts.Count];
            var written = 0;
            while (true)
            {
                var pick = -1;
                for (var i = 0; i < parts.Count; i++)
                {
                    if (next[i] < parts[i].Versions.Count && (pick < 0 || parts[i].Versions[next[i]] < parts[pick].Versions[next[pick]]))
                    {
                        pick = i;
                    }
                }
                if (pick < 0)
                {
                    return written;
                }
                var line = await readers[pick].ReadLineAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"{parts[pick].File} ended early.");
                await writer.WriteLineAsync(line);
                next[pick]++;
                written++;
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }
}
