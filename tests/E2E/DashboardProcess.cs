using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// The real dashboard as a child process on 127.0.0.1 with an OS-chosen port and its own data directory.
/// In simulated mode it also runs the simulator, whose kubeconfig it prints for kubectl.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;

    private DashboardProcess(Process process, Uri baseUrl, string? kubeconfigPath, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        KubeconfigPath = kubeconfigPath;
        DataDirectory = dataDirectory;
    }

    public Uri BaseUrl { get; }

    /// <summary>The simulated cluster's kubeconfig; null unless the dashboard runs the simulator.</summary>
    public string? KubeconfigPath { get; }

    public string DataDirectory { get; }

    /// <summary>The child's process id, for benchmarks that read its memory.</summary>
    public int ProcessId => _process.Id;

    public string Url(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).ToString();

    public static async Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("cmf-e2e-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Cmf.Dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryPaths.DashboardAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Cmf__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var startupLog = new ConcurrentQueue<string>();
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            // Kept for a failed start only; the streams are still drained afterwards so the child never blocks on a full pipe.
            if (!cluster.Task.IsCompleted)
            {
                startupLog.Enqueue(line);
            }
            if (DashboardUrlLine().Match(line) is { Success: true } urlLine)
            {
                url.TrySetResult(new Uri(urlLine.Groups["url"].Value));
            }
            // The banner names the cluster right after the URL: a kubeconfig for the simulator, else what is watched.
            if (ClusterLine().Match(line) is { Success: true } clusterLine)
            {
                cluster.TrySetResult(clusterLine.Groups["kubeconfig"].Success ? clusterLine.Groups["kubeconfig"].Value : null);
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var banner = Task.WhenAll(url.Task, cluster.Task);
        var first = await Task.WhenAny(banner, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (first != banner)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
            DeleteDirectory(dataDirectory);
            throw new InvalidOperationException(
                $"The dashboard did not print its URL and cluster within {StartTimeout}. Output:{Environment.NewLine}{string.Join(Environment.NewLine, startupLog)}");
        }

        return new DashboardProcess(process, await url.Task, await cluster.Task, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        DeleteDirectory(DataDirectory);
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child is not worth failing a test over.
        }
    }

    [GeneratedRegex(@"^Dashboard: (?<url>http://\S+)$")]
    private static partial Regex DashboardUrlLine();

    [GeneratedRegex(@"^(Simulated cluster kubeconfig: (?<kubeconfig>\S+)|Watching .+\.)$")]
    private static partial Regex ClusterLine();
}
