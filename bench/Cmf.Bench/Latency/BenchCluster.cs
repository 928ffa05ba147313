using System.Text.Json.Nodes;
using Cmf.Simulator;

namespace Cmf.Bench.Latency;

/// <summary>
/// The simulated API server hosted in the bench process with its operator off, so the bench alone writes statuses
/// and knows to the microsecond when each one was made.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    public const string Namespace = "bench";

    private BenchCluster(SimulatorServer server, string kubeconfig)
    {
        Server = server;
        KubeconfigPath = kubeconfig;
    }

    public SimulatorServer Server { get; }

    public SimulatorApi Api => Server.Api;

    public string KubeconfigPath { get; }

    public static async Task<BenchCluster> StartAsync(string directory)
    {
        var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Scenario = SimulatorScenarios.Empty,
            OperatorEnabled = false,
            Seed = 8,
            // 1,000 changes/s: the window holds the last 5 minutes of them, so a watcher that reconnects (the dashboard's
            // watch timeout, kubectl) resumes inside it instead of relisting; ~3 KB per retained version, ~1 GB in all.
            RetainedVersions = 300_000,
        });
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory, "bench.kubeconfig"));
        server.Api.CreateNamespace(Namespace);
        return new BenchCluster(server, kubeconfig);
    }

    /// <summary>A running streaming application, as the operator would report it once stable.</summary>
    public void CreateRunningApplication(string name)
    {
        Api.CreateFlinkDeployment(Namespace, FlinkDeploymentSpec.Create(name, stateful: true, parallelism: 2));
        Api.PatchFlinkDeploymentStatus(Namespace, name, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["lifecycleState"] = "STABLE",
                ["jobManagerDeploymentStatus"] = "READY",
                ["jobStatus"] = new JsonObject { ["state"] = "RUNNING", ["jobName"] = name },
            },
        });
    }

    /// <summary>The latency parts' applications: the probe and <paramref name="background"/> others (bg-000..), all running; returns the others.</summary>
    public IReadOnlyList<string> CreateProbeAndBackground(string probe, int background)
    {
        CreateRunningApplication(probe);
        var names = Enumerable.Range(0, background).Select(i => $"bg-{i:000}").ToList();
        foreach (var name in names)
        {
            CreateRunningApplication(name);
        }
        return names;
    }

    public void SetJobState(string name, string state) =>
        Api.PatchFlinkDeploymentStatus(Namespace, name, new JsonObject
        {
            ["status"] = new JsonObject { ["jobStatus"] = new JsonObject { ["state"] = state } },
        });

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
