using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.HighAvailability;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Telemetry;

/// <summary>
/// The built dashboard as a child process (its meter then sees no other test's dashboard), watching a simulated cluster
/// with <c>Cmf:Metrics:Port</c> set: three FlinkDeployments, then a spec change of two of them, stored before any test reads.
/// </summary>
public sealed class MetricsScenario : IAsyncLifetime
{
    public const string Namespace = "analytics";
    public static readonly string[] Applications = ["orders", "payments", "sessions"];
    public static readonly string[] Changed = ["orders", "payments"];

    private readonly TempDirectory _temp = new();
    private SimulatorServer _cluster = default!;
    private ReplicaProcess _dashboard = default!;

    public int MetricsPort { get; private set; }

    public HttpClient Dashboard => _dashboard.Http;

    public HttpClient Metrics { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        _cluster = await TestSimulator.StartAsync();
        _cluster.Api.CreateNamespace(Namespace);
        foreach (var name in Applications)
        {
            _cluster.Api.CreateFlinkDeployment(Namespace, FlinkDeploymentBuilder.Named(name).Build());
        }
        MetricsPort = FreeLoopbackPort();
        Metrics.BaseAddress = new Uri($"http://127.0.0.1:{MetricsPort}");
        _dashboard = await ReplicaProcess.StartAsync("metrics", new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = _cluster.WriteKubeconfig(_temp.File("cluster.kubeconfig")),
            ["Cmf:Metrics:Port"] = MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cmf:Metrics:ListenAddress"] = "127.0.0.1",
        });
        foreach (var name in Applications)
        {
            await Eventually.TrueAsync(async () => await InstanceCountAsync(name) == 1, $"{name} is stored", TimeSpan.FromSeconds(60));
        }
        foreach (var name in Changed)
        {
            _cluster.Api.PatchFlinkDeployment(Namespace, name, JsonNode.Parse("""{"spec":{"job":{"parallelism":7}}}""")!.AsObject());
        }
        foreach (var name in Changed)
        {
            await Eventually.TrueAsync(async () => await InstanceCountAsync(name) == 2, $"{name}'s second instance is stored", TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync()
    {
        Metrics.Dispose();
        await _dashboard.DisposeAsync();
        await _cluster.DisposeAsync();
        _temp.Dispose();
    }

    public async Task<PrometheusText> ScrapeAsync() => PrometheusText.Parse(await Metrics.GetStringAsync("/metrics"));

    /// <summary>A port the OS just chose for a listener on loopback, free again once that listener stops.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<int> InstanceCountAsync(string application)
    {
        using var answer = await _dashboard.Http.GetAsync($"/cmf/api/v1/environments/{Namespace}/applications/{application}/instances");
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            return 0;
        }
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["items"]!.AsArray().Count;
    }
}
