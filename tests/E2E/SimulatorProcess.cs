using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// The standalone simulator (<c>src/Cmf.Simulator</c>) as a child process on 127.0.0.1 with an OS-chosen port: one
/// cluster that several dashboards can watch, and kubectl change, through the kubeconfig it writes.
/// </summary>
public sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private SimulatorProcess(ChildProcess process, string directory, string kubeconfigPath)
    {
        _process = process;
        _directory = directory;
        KubeconfigPath = kubeconfigPath;
    }

    public string KubeconfigPath { get; }

    /// <param name="scenario"><c>demo</c> or <c>empty</c>.</param>
    /// <param name="speed">Simulated seconds per real second.</param>
    public static async Task<SimulatorProcess> StartAsync(string scenario, string speed)
    {
        var directory = Directory.CreateTempSubdirectory("cmf-e2e-simulator-").FullName;
        var kubeconfig = Path.Combine(directory, "simulator.kubeconfig");
        var info = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { RepositoryPaths.SimulatorAssembly, "--port", "0", "--kubeconfig", kubeconfig, "--scenario", scenario, "--speed", speed })
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            // The kubeconfig line comes after the file is written.
            return new SimulatorProcess(await ChildProcess.StartAsync(info, ListeningLine(), KubeconfigLine()), directory, kubeconfig);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex(@"^Cmf\.Simulator listening on http://127\.0\.0\.1:[0-9]+/$")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^kubeconfig written to ")]
    private static partial Regex KubeconfigLine();
}
