using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.HighAvailability;

/// <summary>
/// One dashboard replica as a child process (the built src/Cmf.Dashboard), on 127.0.0.1 with an OS-chosen port, so a
/// test can kill it as a node failure would: SIGKILL, no shutdown hooks, the Lease left held until it expires.
/// </summary>
internal sealed partial class ReplicaProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly TempDirectory _data;

    private ReplicaProcess(string identity, Process process, Uri baseUrl, TempDirectory data)
    {
        Identity = identity;
        _process = process;
        BaseUrl = baseUrl;
        _data = data;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Identity { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<ReplicaProcess> StartAsync(string identity, IReadOnlyDictionary<string, string> settings)
    {
        var data = new TempDirectory();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(ReferenceFiles.RepositoryRoot, "src", "Cmf.Dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DashboardAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["Cmf__DataDirectory"] = data.Path;
        info.Environment["Cmf__HighAvailability__Identity"] = identity;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new List<string>();
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                if (output.Count < 200)
                {
                    output.Add(line);
                }
            }
            if (DashboardUrlLine().Match(line) is { Success: true } match)
            {
                url.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(url.Task, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first != url.Task)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            data.Dispose();
            lock (output)
            {
                throw new InvalidOperationException($"Replica {identity} did not print its URL within {StartTimeout}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            }
        }
        return new ReplicaProcess(identity, process, await url.Task, data);
    }

    /// <summary>What <c>/api/v1/about</c> says this replica is (<c>leader</c>, <c>follower</c>), or null when it does not answer.</summary>
    public async Task<(string Role, string? Leader)?> AboutAsync()
    {
        try
        {
            var about = JsonNode.Parse(await Http.GetStringAsync("/api/v1/about"))!;
            return (about["role"]!.GetValue<string>(), about["leader"]?.GetValue<string>());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process ends mid-write, as on a node failure.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _data.Dispose();
    }

    private static string DashboardAssembly =>
        Path.Combine(ReferenceFiles.RepositoryRoot, "src", "Cmf.Dashboard", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Cmf.Dashboard.dll");

    [GeneratedRegex(@"^Dashboard: (?<url>http://\S+)$")]
    private static partial Regex DashboardUrlLine();
}
