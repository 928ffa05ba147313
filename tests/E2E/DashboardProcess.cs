using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// The real dashboard as a child process on 127.0.0.1 with an OS-chosen port and its own data directory.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private DashboardProcess(Process process, Uri baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public Uri BaseUrl { get; }

    public string DataDirectory { get; }

    public static async Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = RepositoryPaths.Root;
        var dataDirectory = Directory.CreateTempSubdirectory("cmf-e2e-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Cmf.Dashboard"),
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
        var urlFound = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.Add(line);
            }
            var match = DashboardUrlLine().Match(line);
            if (match.Success)
            {
                urlFound.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(urlFound.Task, exited, Task.Delay(StartTimeout));
        if (first != urlFound.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            string log;
            lock (output)
            {
                log = string.Join(Environment.NewLine, output);
            }
            throw new InvalidOperationException($"The dashboard did not print its URL within {StartTimeout}. Output:{Environment.NewLine}{log}");
        }

        var dashboard = new DashboardProcess(process, await urlFound.Task, dataDirectory);
        dashboard._output.AddRange(output);
        return dashboard;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying child is not worth failing a test over.
        }
    }

    [GeneratedRegex(@"^Dashboard: (?<url>http://\S+)$")]
    private static partial Regex DashboardUrlLine();
}
