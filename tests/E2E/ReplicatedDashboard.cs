using Cmf.UnitTests.TestSupport;

namespace Cmf.E2ETests;

/// <summary>
/// Two dashboard replicas with high availability on, as issue 14 runs them: one shared PostgreSQL database, one cluster
/// (the standalone simulator, empty) that kubectl changes, one Lease. Only the leader watches and writes; the follower
/// serves pages from what the leader commits. Started for one test class, stopped even when a test fails.
/// </summary>
public sealed class ReplicatedDashboard : IAsyncLifetime
{
    public const string Namespace = "default";

    /// <summary>With no environments configured, each watched namespace is an environment named after it.</summary>
    public const string Environment = Namespace;

    private static readonly string[] Identities = ["replica-a", "replica-b"];

    private readonly List<DashboardReplica> _replicas = [];
    private SimulatorProcess? _simulator;
    private Kubectl? _kubectl;
    private DashboardReplica? _leader;
    private DashboardReplica? _follower;

    public Kubectl Kubectl => _kubectl ?? throw new InvalidOperationException("The replicas have not started.");

    /// <summary>The replica that holds the Lease once both have started.</summary>
    public DashboardReplica Leader => _leader ?? throw new InvalidOperationException("The replicas have not started.");

    public DashboardReplica Follower => _follower ?? throw new InvalidOperationException("The replicas have not started.");

    public async Task InitializeAsync()
    {
        try
        {
            var database = await PostgreSqlServer.CreateDatabaseAsync();
            _simulator = await SimulatorProcess.StartAsync("empty", SimulatedDashboard.Speed);
            _kubectl = new Kubectl(_simulator.KubeconfigPath);
            foreach (var identity in Identities)
            {
                var process = await DashboardProcess.StartAsync(Settings(database, _simulator.KubeconfigPath, identity));
                _replicas.Add(new DashboardReplica(identity, process, new DashboardApi(process.BaseUrl)));
            }
            foreach (var replica in _replicas)
            {
                await replica.Api.WaitUntilReadyAsync();
            }
            var election = await Eventually.ValueAsync(ElectedAsync, "one replica leads and the other follows it");
            (_leader, _follower) = (election.Leader, election.Follower);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the replicas, then the simulator; safe to call twice.</summary>
    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            replica.Api.Dispose();
            await replica.Process.DisposeAsync();
        }
        _replicas.Clear();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
            _simulator = null;
        }
    }

    private static Dictionary<string, string> Settings(string database, string kubeconfig, string identity) => new()
    {
        ["Cmf:Store:Provider"] = "PostgreSql",
        ["Cmf:Store:ConnectionString"] = database,
        ["Cmf:Cluster:Mode"] = "Kubernetes",
        ["Cmf:Cluster:Kubeconfig"] = kubeconfig,
        ["Cmf:HighAvailability:Enabled"] = "true",
        ["Cmf:HighAvailability:LeaseNamespace"] = Namespace,
        ["Cmf:HighAvailability:Identity"] = identity,
        ["Cmf:HighAvailability:LeaseDurationSeconds"] = "3",
        ["Cmf:HighAvailability:RenewDeadlineSeconds"] = "2",
        ["Cmf:HighAvailability:RetryPeriodSeconds"] = "1",
    };

    private async Task<Election?> ElectedAsync()
    {
        var abouts = new List<ReplicaAbout>();
        foreach (var replica in _replicas)
        {
            abouts.Add(await replica.Api.AboutAsync());
        }
        var leader = abouts.FindIndex(a => a.Role == "leader");
        var follower = abouts.FindIndex(a => a.Role == "follower");
        return leader >= 0 && follower >= 0 && abouts[follower].Leader == abouts[leader].Identity
            ? new Election(_replicas[leader], _replicas[follower])
            : null;
    }

    private sealed record Election(DashboardReplica Leader, DashboardReplica Follower);
}

/// <summary>One dashboard replica: the name it goes by in the Lease, its process and its API.</summary>
public sealed record DashboardReplica(string Identity, DashboardProcess Process, DashboardApi Api)
{
    public string Url(string pathAndQuery) => Process.Url(pathAndQuery);
}
