using System.Net;
using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Hosting;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.HighAvailability;

/// <summary>The whole dashboard with Cmf:HighAvailability on: a follower watches nothing and serves; once it leads, it watches.</summary>
public sealed class HighAvailabilityHostTests : IAsyncLifetime
{
    private const string LeasePath = "/apis/coordination.k8s.io/v1/namespaces/default/leases/cmf-fa-dashboard";

    private readonly TempDirectory _temp = new();
    private SimulatorServer _cluster = default!;
    private string _database = default!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlServer.CreateDatabaseAsync();
        _cluster = await TestSimulator.StartAsync(configure: o => o.ManualClock = false);
        _cluster.Api.CreateNamespace("analytics");
        _cluster.Api.CreateFlinkDeployment("analytics", FlinkDeploymentBuilder.Named("sessions").Build());
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_follower_runs_no_watcher_and_is_ready_then_watches_once_it_leads()
    {
        using var http = new SimulatorHttp(_cluster.BaseUrl);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var held = await http.PostAsync("/apis/coordination.k8s.io/v1/namespaces/default/leases", new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = "cmf-fa-dashboard" },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = "replica-b",
                ["leaseDurationSeconds"] = 3600,
                ["acquireTime"] = now,
                ["renewTime"] = now,
            },
        });
        Assert.Equal(HttpStatusCode.Created, held.Status);
        await using var host = await DashboardHost.StartAsync(Settings("replica-a"));
        var leadership = host.Services.GetRequiredService<Leadership>();
        var health = host.Services.GetRequiredService<WatchHealth>();

        await Eventually.TrueAsync(() => leadership.LeaderIdentity == "replica-b", "replica-a sees replica-b lead");
        var readiness = await host.Client.GetAsync("/readyz");
        var follower = JsonNode.Parse(await readiness.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("follower", follower["role"]!.GetValue<string>());
        Assert.Equal("replica-a", follower["identity"]!.GetValue<string>());
        Assert.Equal("replica-b", follower["leader"]!.GetValue<string>());
        Assert.Empty(health.Watches);
        Assert.Equal(0, await ApplicationCountAsync(host));

        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync(LeasePath)).Status);

        await Eventually.TrueAsync(() => leadership.IsLeader, "replica-a leads once the Lease is gone");
        await Eventually.TrueAsync(async () => await ApplicationCountAsync(host) == 1, "the leader's watcher stored the application");
        var leader = JsonNode.Parse(await host.Client.GetStringAsync("/readyz"))!;
        Assert.Equal("leader", leader["role"]!.GetValue<string>());
        Assert.Equal("replica-a", leader["leader"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_about_api_names_the_replica_its_role_the_leader_and_the_cluster()
    {
        await using var host = await DashboardHost.StartAsync(Settings("replica-a"));
        var leadership = host.Services.GetRequiredService<Leadership>();
        await Eventually.TrueAsync(() => leadership.IsLeader, "replica-a leads an uncontested Lease");

        var about = JsonNode.Parse(await host.Client.GetStringAsync("/api/v1/about"))!;

        Assert.Equal("replica-a", about["identity"]!.GetValue<string>());
        Assert.Equal("leader", about["role"]!.GetValue<string>());
        Assert.Equal("replica-a", about["leader"]!.GetValue<string>());
        Assert.StartsWith("the cluster of kubeconfig ", about["cluster"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(about["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_high_availability_the_about_api_says_single_and_this_replica_leads()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:HighAvailability:Identity"] = "only-one" });

        var about = JsonNode.Parse(await host.Client.GetStringAsync("/api/v1/about"))!;
        var readiness = JsonNode.Parse(await host.Client.GetStringAsync("/readyz"))!;

        Assert.Equal("single", about["role"]!.GetValue<string>());
        Assert.Equal("only-one", about["leader"]!.GetValue<string>());
        Assert.Equal("single", readiness["role"]!.GetValue<string>());
    }

    private Dictionary<string, string?> Settings(string identity) => new()
    {
        ["Cmf:Cluster:Mode"] = "Kubernetes",
        ["Cmf:Cluster:Kubeconfig"] = _cluster.WriteKubeconfig(_temp.File($"{identity}.kubeconfig")),
        ["Cmf:Store:Provider"] = "PostgreSql",
        ["Cmf:Store:ConnectionString"] = _database,
        ["Cmf:HighAvailability:Enabled"] = "true",
        ["Cmf:HighAvailability:LeaseNamespace"] = "default",
        ["Cmf:HighAvailability:Identity"] = identity,
        ["Cmf:HighAvailability:LeaseDurationSeconds"] = "3",
        ["Cmf:HighAvailability:RenewDeadlineSeconds"] = "2",
        ["Cmf:HighAvailability:RetryPeriodSeconds"] = "1",
    };

    private static async Task<int> ApplicationCountAsync(DashboardHost host) =>
        (await host.Queries.ListApplicationsAsync(new ApplicationListQuery { PageSize = 10 }, CancellationToken.None)).TotalCount;
}
