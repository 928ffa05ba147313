using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Security;

/// <summary>
/// /readyz's details name the watched namespaces and carry the API server's raw error messages. The cluster here
/// refuses every request (as missing RBAC would), so the dashboard is never ready and each watch holds an error.
/// Kestrel listens on 127.0.0.1, so every caller of these tests is local; a caller beyond loopback is one that the
/// known proxy 127.0.0.1 reports in X-Forwarded-For. That is how remote callers reach a dashboard behind an ingress,
/// and the forwarded-headers middleware turns it into the connection's remote address, which is what the check reads.
/// </summary>
public sealed class ReadinessDetailsTests : IAsyncLifetime
{
    private const string Namespace = "flink-prod";

    private SimulatorServer _cluster = null!;
    private TempDirectory _temp = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestSimulator.StartAsync(configure: o => o.ManualClock = false);
        _cluster.Faults.FailNextRequests(int.MaxValue, statusCode: 403);
        _temp = new TempDirectory();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_caller_on_this_machine_sees_each_watch_and_its_error()
    {
        await using var host = await StartAsync();

        var details = await DetailsWithAnErrorAsync(host, Caller.Local);

        Assert.Contains(details["watches"]!.AsArray(), w => w!["name"]!.GetValue<string>().EndsWith("/" + Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_beyond_loopback_gets_the_status_code_and_nothing_else()
    {
        await using var host = await StartAsync();
        await DetailsWithAnErrorAsync(host, Caller.Local);

        using var answer = await GetAsync(host, "/readyz", Caller.Remote());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("""{"ready":false}""", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_viewer_beyond_loopback_sees_the_details()
    {
        await using var host = await StartAsync(signIn: true);

        var details = await DetailsWithAnErrorAsync(host, Caller.Remote(bearer: TokenMode.Token));

        Assert.Contains(Namespace, details.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_beyond_loopback_with_a_wrong_token_gets_no_details()
    {
        await using var host = await StartAsync(signIn: true);
        await DetailsWithAnErrorAsync(host, Caller.Local);

        using var answer = await GetAsync(host, "/readyz", Caller.Remote(bearer: TokenMode.Token + "-guessed"));

        Assert.Equal("""{"ready":false}""", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_a_caller_beyond_loopback_as_before()
    {
        await using var host = await StartAsync();

        using var answer = await GetAsync(host, "/healthz", Caller.Remote());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("alive\n", await answer.Content.ReadAsStringAsync());
    }

    private Task<DashboardHost> StartAsync(bool signIn = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = _cluster.WriteKubeconfig(_temp.File("kubeconfig")),
            ["Cmf:Environments:0:Name"] = "prod",
            ["Cmf:Environments:0:Namespace"] = Namespace,
            ["Cmf:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in signIn ? TokenMode.Settings() : [])
        {
            settings[key] = value;
        }
        return DashboardHost.StartAsync(settings);
    }

    /// <summary>Polls /readyz as <paramref name="caller"/> until a watch reports the API server's refusal.</summary>
    private static Task<JsonObject> DetailsWithAnErrorAsync(DashboardHost host, Caller caller) =>
        Eventually.ValueAsync(
            async () =>
            {
                using var answer = await GetAsync(host, "/readyz", caller);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
            },
            body => body["watches"] is JsonArray watches && watches.Any(w => w!["lastError"] is not null),
            "a watch reports the API server's refusal");

    private static async Task<HttpResponseMessage> GetAsync(DashboardHost host, string path, Caller caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (caller.ForwardedFor is { } client)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }
        if (caller.Bearer is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await host.Client.SendAsync(request);
    }

    /// <summary>Who asks: this machine, or a client the known proxy reports in X-Forwarded-For, with a bearer token or none.</summary>
    private sealed record Caller(string? ForwardedFor, string? Bearer)
    {
        public static Caller Local { get; } = new(null, null);

        public static Caller Remote(string? bearer = null) => new("203.0.113.7", bearer);
    }
}
