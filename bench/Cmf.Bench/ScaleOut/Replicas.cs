using System.Globalization;
using System.Text.Json;
using Cmf.Bench.Latency;
using Cmf.E2ETests;

namespace Cmf.Bench.ScaleOut;

internal sealed record Replica(string Identity, DashboardProcess Dashboard);

/// <summary>
/// Dashboard replicas as the issue 14 deployment runs them: high availability on (the Lease in the cluster's
/// <c>bench</c> namespace, default timings), one PostgreSQL store, one watched cluster; each its own process on an
/// OS-chosen loopback port.
/// </summary>
internal sealed class Replicas(string kubeconfig, string connectionString) : IAsyncDisposable
{
    private const string LeaseName = "cmf-fa-dashboard"; // Cmf:HighAvailability:LeaseName's default
    private static readonly TimeSpan RoleWithin = TimeSpan.FromSeconds(90);
    private readonly List<Replica> _alive = [];
    private int _started;

    public IReadOnlyList<Replica> Alive => _alive;

    /// <summary>Starts the next replica and waits until it has <paramref name="expectedRole"/> and answers /readyz.</summary>
    public async Task<Replica> StartAsync(string expectedRole)
    {
        var identity = $"replica-{++_started}";
        var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = kubeconfig,
            ["Cmf:Store:Provider"] = "PostgreSql",
            ["Cmf:Store:ConnectionString"] = connectionString,
            ["Cmf:HighAvailability:Enabled"] = "true",
            ["Cmf:HighAvailability:LeaseNamespace"] = BenchCluster.Namespace,
            ["Cmf:HighAvailability:Identity"] = identity,
        });
        var replica = new Replica(identity, dashboard);
        _alive.Add(replica);
        using var http = new HttpClient { BaseAddress = dashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + RoleWithin;
        while (await RoleAsync(http) != expectedRole)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{identity} was not {expectedRole} within {RoleWithin}.");
            }
            await Task.Delay(100);
        }
        // A leader is ready once its first lists are committed; a follower once its LISTEN is up.
        await DashboardReadiness.WaitAsync(dashboard, RoleWithin);
        Console.WriteLine($"scaleout: {identity} is {expectedRole} on {dashboard.BaseUrl}");
        return replica;
    }

    public async Task<Replica> CurrentLeaderAsync()
    {
        foreach (var replica in _alive)
        {
            using var http = new HttpClient { BaseAddress = replica.Dashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
            if (await RoleAsync(http) == "leader")
            {
                return replica;
            }
        }
        throw new InvalidOperationException($"None of {string.Join(", ", _alive.Select(r => r.Identity))} leads.");
    }

    /// <summary>SIGKILL (<c>Process.Kill</c>): no shutdown, no Lease release; the process is gone when this returns.</summary>
    public async Task KillAsync(Replica replica)
    {
        _alive.Remove(replica);
        await replica.Dashboard.DisposeAsync();
    }

    /// <summary>The role <c>GET /api/v1/about</c> reports, or null while the replica does not answer.</summary>
    public static async Task<string?> RoleAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/api/v1/about");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            using var about = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return about.RootElement.TryGetProperty("role", out var role) ? role.GetString() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The Lease's holder and <c>spec.renewTime</c> (Unix milliseconds), read from the simulated API server.</summary>
    public static async Task<(string? Holder, double RenewedUnixMilliseconds)> LeaseAsync(BenchCluster cluster)
    {
        using var http = new HttpClient { BaseAddress = cluster.Server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetStringAsync($"apis/coordination.k8s.io/v1/namespaces/{BenchCluster.Namespace}/leases/{LeaseName}");
        using var lease = JsonDocument.Parse(json);
        var spec = lease.RootElement.GetProperty("spec");
        var renewed = DateTimeOffset.Parse(spec.GetProperty("renewTime").GetString()!, CultureInfo.InvariantCulture);
        var holder = spec.TryGetProperty("holderIdentity", out var h) ? h.GetString() : null;
        return (holder, (renewed - DateTimeOffset.UnixEpoch).TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _alive)
        {
            await replica.Dashboard.DisposeAsync();
        }
        _alive.Clear();
    }
}
