using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// The real dashboard as a child process on 127.0.0.1 with an OS-chosen port and its own data directory.
/// In simulated mode it also runs the simulator, whose kubeconfig it prints for kubectl.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private DashboardProcess(ChildProcess process, Uri baseUrl, string? kubeconfigPath, string dataDirectory)
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
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Cmf.Dashboard") };
        info.ArgumentList.Add(RepositoryPaths.DashboardAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Cmf__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        ChildProcess process;
        try
        {
            // The banner names the cluster right after the URL: a kubeconfig for the simulator, else what is watched.
            process = await ChildProcess.StartAsync(info, DashboardUrlLine(), ClusterLine());
        }
        catch
        {
            DeleteDirectory(dataDirectory);
            throw;
        }
        var kubeconfig = process.StartupLines[1].Groups["kubeconfig"];
        return new DashboardProcess(process, new Uri(process.StartupLines[0].Groups["url"].Value), kubeconfig.Success ? kubeconfig.Value : null, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
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
