using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Storage;
using Cmf.Core.Storage.PostgreSql;
using Cmf.Simulator;
using Cmf.UnitTests.Ingest;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Cmf.UnitTests.HighAvailability;

/// <summary>
/// Issue 14's failover: two dashboard processes on one PostgreSQL database watch one simulated cluster; during a stream
/// of 300 spec changes the leader is SIGKILLed three times (a fresh replica joins each time, so two always compete).
/// The store must end equal to the simulator's ground truth: every generation one instance, none twice, every cluster
/// with its owner, every final job state. How long each takeover took is reported, not asserted.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Applications = 12;
    private const int SpecChanges = 300;
    private const int LeaseDurationSeconds = 3;
    private const string Namespace = "failover";
    private static readonly int[] KillAtSteps = [60, 140, 220];
    private static readonly string[] UpgradeModes = ["savepoint", "stateless", "last-state"];

    private readonly TempDirectory _temp = new();
    private readonly List<ReplicaProcess> _replicas = [];
    private SimulatorServer _simulator = default!;
    private string _database = default!;
    private int _started;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlServer.CreateDatabaseAsync();
        _simulator = await TestSimulator.StartAsync(configure: o => o.Seed = 23);
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        await _simulator.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Three_leader_kills_during_300_changes_lose_nothing_and_record_nothing_twice()
    {
        _simulator.Api.CreateNamespace(Namespace);
        var apps = new List<(string Namespace, string Name)>();
        for (var i = 0; i < Applications; i++)
        {
            var name = $"failover-{i:D2}";
            apps.Add((Namespace, name));
            _simulator.Api.CreateFlinkDeployment(Namespace, FlinkDeploymentBuilder.Named(name).WithUpgradeMode(UpgradeModes[i % UpgradeModes.Length]).Build());
        }
        await StartReplicaAsync();
        await StartReplicaAsync();
        var firstLeader = await LeaderAsync(exceptIdentity: null);
        var epoch = await WriterEpochAsync();
        var takeovers = new List<string>();
        var random = new Random(5);

        for (var step = 0; step < SpecChanges; step++)
        {
            var (ns, name) = apps[random.Next(apps.Count)];
            _simulator.Api.PatchFlinkDeployment(ns, name, SpecPatch(step, 1 + random.Next(6)));
            await _simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(random.Next(1, 6)));
            if (Array.IndexOf(KillAtSteps, step) >= 0)
            {
                takeovers.Add(await KillTheLeaderAsync(step, epoch, apps, random));
                epoch = await WriterEpochAsync();
            }
            await Task.Delay(20);
        }
        for (var settle = 0; settle < 10; settle++)
        {
            await _simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        }

        var comparison = await WaitForConvergenceAsync(apps);
        output.WriteLine($"first leader {firstLeader.Identity}; lease {LeaseDurationSeconds} s");
        output.WriteLine(string.Join(Environment.NewLine, takeovers));
        output.WriteLine(comparison.Summary);
        Assert.True(comparison.Differences.Count == 0, comparison.Summary);
        Assert.True(comparison.InstancesCompared >= SpecChanges + Applications, comparison.Summary);
        Assert.Equal(Applications, comparison.JobStatesCompared);
        Assert.Equal(KillAtSteps.Length, takeovers.Count);
        Assert.True(epoch.Epoch > KillAtSteps.Length, $"the store's writer epoch is {epoch.Epoch} after {KillAtSteps.Length} takeovers");
    }

    /// <summary>
    /// Kills the leader, keeps changing the cluster while the survivor takes over, and says how long the takeover took:
    /// from the kill to the new leader's claim of the store (right before its first commit), and to the first change
    /// made after the kill being readable through the survivor's API.
    /// </summary>
    private async Task<string> KillTheLeaderAsync(int step, (long Epoch, string Holder) before, List<(string Namespace, string Name)> apps, Random random)
    {
        var leader = await LeaderAsync(exceptIdentity: null);
        var clock = Stopwatch.StartNew();
        await leader.KillAsync();
        _replicas.Remove(leader);
        await leader.DisposeAsync();
        var (ns, name) = apps[random.Next(apps.Count)];
        _simulator.Api.PatchFlinkDeployment(ns, name, SpecPatch(SpecChanges + step, parallelism: null));
        var generations = _simulator.GroundTruth.SpecChanges().Where(c => c.Namespace == ns && c.Name == name).Select(c => c.Generation).Distinct().Count();
        var joining = StartReplicaAsync();

        await Eventually.TrueAsync(async () => (await WriterEpochAsync()).Epoch > before.Epoch, $"a replica claims the store after {leader.Identity} was killed", TimeSpan.FromSeconds(90));
        var claimed = clock.Elapsed;
        var survivor = _replicas[0];
        await Eventually.TrueAsync(async () => await ServesInstancesAsync(survivor, ns, name, generations), $"{survivor.Identity} serves {generations} instances of {name}", TimeSpan.FromSeconds(90));
        var visible = clock.Elapsed;
        await joining;
        var after = await WriterEpochAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"step {step}: killed {leader.Identity}; {after.Holder} claimed the store (epoch {after.Epoch}) after {claimed.TotalSeconds:F1} s, "
            + $"the change made after the kill was served after {visible.TotalSeconds:F1} s (lease {LeaseDurationSeconds} s; within lease + 5 s: {claimed.TotalSeconds <= LeaseDurationSeconds + 5})");
    }

    private async Task StartReplicaAsync()
    {
        var identity = $"replica-{Interlocked.Increment(ref _started)}";
        var replica = await ReplicaProcess.StartAsync(identity, new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = _simulator.WriteKubeconfig(_temp.File($"{identity}.kubeconfig")),
            ["Cmf:Store:Provider"] = "PostgreSql",
            ["Cmf:Store:ConnectionString"] = _database,
            ["Cmf:HighAvailability:Enabled"] = "true",
            ["Cmf:HighAvailability:LeaseNamespace"] = "default",
            ["Cmf:HighAvailability:LeaseDurationSeconds"] = LeaseDurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["Cmf:HighAvailability:RenewDeadlineSeconds"] = "2",
            ["Cmf:HighAvailability:RetryPeriodSeconds"] = "1",
        });
        lock (_replicas)
        {
            _replicas.Add(replica);
        }
    }

    private async Task<ReplicaProcess> LeaderAsync(string? exceptIdentity)
    {
        ReplicaProcess? leader = null;
        await Eventually.TrueAsync(async () =>
        {
            foreach (var replica in _replicas.ToList())
            {
                if (replica.Identity != exceptIdentity && await replica.AboutAsync() is ("leader", _))
                {
                    leader = replica;
                    return true;
                }
            }
            return false;
        }, "one replica leads", TimeSpan.FromSeconds(90));
        return leader!;
    }

    private static async Task<bool> ServesInstancesAsync(ReplicaProcess replica, string ns, string name, int count)
    {
        try
        {
            var timeline = JsonNode.Parse(await replica.Http.GetStringAsync($"/api/v1/environments/{ns}/applications/{name}/timeline"));
            return timeline?["instances"]?.AsArray().Count >= count;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<(long Epoch, string Holder)> WriterEpochAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Epoch\", \"Holder\" FROM \"WriterEpoch\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : (0, "nobody");
    }

    private async Task<GroundTruthComparison> WaitForConvergenceAsync(IReadOnlyList<(string, string)> apps)
    {
        await using var provider = new PostgreSqlStoreProvider(new PostgreSqlStoreOptions(_database));
        var history = new StoredHistory(new StoreQueries(provider));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var comparison = await GroundTruthComparison.RunAsync(_simulator, history, apps);
            if (comparison.Differences.Count == 0 || DateTime.UtcNow > deadline)
            {
                return comparison;
            }
            await Task.Delay(200);
        }
    }

    private static JsonObject SpecPatch(int step, int? parallelism)
    {
        var spec = new JsonObject { ["flinkConfiguration"] = new JsonObject { ["failover.step"] = step.ToString(CultureInfo.InvariantCulture) } };
        if (parallelism is { } p)
        {
            spec["job"] = new JsonObject { ["parallelism"] = p };
        }
        return new JsonObject { ["spec"] = spec };
    }
}
