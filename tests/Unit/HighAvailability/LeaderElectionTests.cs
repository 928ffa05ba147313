using Cmf.Core.Storage;
using Cmf.Core.Storage.PostgreSql;
using Cmf.Dashboard.Hosting;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.Storage;
using Cmf.UnitTests.TestSupport;
using k8s;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cmf.UnitTests.HighAvailability;

/// <summary>Replicas elect one leader on a Lease of the simulated API server, over real HTTP with KubernetesClient.</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
    private static readonly LeaderElectionSettings Fast = new("default", "cmf-fa-dashboard",
        LeaseDuration: TimeSpan.FromSeconds(2), RenewDeadline: TimeSpan.FromSeconds(1.5), RetryPeriod: TimeSpan.FromSeconds(0.3));

    private readonly TempDirectory _temp = new();
    private SimulatorServer _server = default!;

    public async Task InitializeAsync() => _server = await TestSimulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Of_two_replicas_exactly_one_leads_and_the_other_sees_it()
    {
        await using var a = Replica("replica-a");
        await using var b = Replica("replica-b");

        await Eventually.TrueAsync(() => (a.Leadership.IsLeader || b.Leadership.IsLeader)
            && a.Leadership.LeaderIdentity is not null && a.Leadership.LeaderIdentity == b.Leadership.LeaderIdentity, "one replica leads and both know which");

        var (leader, follower) = a.Leadership.IsLeader ? (a, b) : (b, a);
        Assert.False(follower.Leadership.IsLeader);
        Assert.Equal(LeadershipRole.Follower, follower.Leadership.Role);
        Assert.Equal(leader.Leadership.Identity, follower.Leadership.LeaderIdentity);
        Assert.Equal(1, leader.Terms);
        Assert.Equal(0, follower.Terms);
    }

    [Fact]
    public async Task When_the_leader_stops_without_releasing_the_other_takes_over_once_the_lease_expires()
    {
        await using var a = Replica("replica-a");
        await Eventually.TrueAsync(() => a.Leadership.IsLeader, "replica-a leads");
        await using var b = Replica("replica-b");
        await Eventually.TrueAsync(() => b.Leadership.LeaderIdentity == "replica-a", "replica-b sees replica-a lead");

        await a.DisposeAsync();

        await Eventually.TrueAsync(() => b.Leadership.IsLeader, "replica-b leads after the lease expired");
        Assert.Equal("replica-b", b.Leadership.LeaderIdentity);
        Assert.True(a.LastTermCancelled, "the stopped leader's term was cancelled");
    }

    [Fact]
    public async Task A_leader_whose_renewals_fail_stops_leading_and_its_term_is_cancelled_then_leads_again()
    {
        await using var a = Replica("replica-a");
        await Eventually.TrueAsync(() => a.Leadership.IsLeader, "replica-a leads");

        _server.Faults.FailNextRequests(100_000, 500);

        await Eventually.TrueAsync(() => !a.Leadership.IsLeader && a.LastTermCancelled, "replica-a gave up leading and cancelled its term");
        _server.Faults.Reset();
        await Eventually.TrueAsync(() => a.Leadership.IsLeader && a.Terms == 2, "replica-a leads again in a new term");
    }

    [Fact]
    public async Task A_leader_paused_mid_commit_past_its_lease_wakes_up_to_a_refused_commit()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync();
        var gate = new ConnectionGate();
        await using var storeA = await Writer.OpenAsync(database, gate);
        await using var storeB = await Writer.OpenAsync(database);
        var paused = new TrackedApplication(name: "paused");
        var fromB = new TrackedApplication(name: "from-b");
        Task? pausedCommit = null;
        var a = Replica("replica-a", async term =>
        {
            await storeA.Store.ClaimWriterEpochAsync("replica-a", term);
            gate.Close();
            pausedCommit = storeA.Store.CommitAsync([paused.NewInstance()], CancellationToken.None);
        });
        await gate.Reached;

        // replica-a freezes mid-commit (a long GC, a stopped VM): it renews nothing and releases nothing.
        await a.DisposeAsync();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var b = Replica("replica-b", async term =>
        {
            await storeB.Store.ClaimWriterEpochAsync("replica-b", term);
            await storeB.Store.CommitAsync([fromB.NewInstance()], term);
            committed.TrySetResult();
        });
        await Eventually.TrueAsync(() => committed.Task.IsCompleted, "replica-b leads once replica-a's lease expired, and commits");
        gate.Open();

        await Assert.ThrowsAsync<WriterDeposedException>(() => pausedCommit!);
        Assert.Null(await storeB.Queries.GetApplicationAsync(paused.Key, CancellationToken.None));
        Assert.NotNull(await storeB.Queries.GetApplicationAsync(fromB.Key, CancellationToken.None));
    }

    [Fact]
    public async Task The_election_calls_exactly_the_Lease_verbs_the_manifests_grant()
    {
        var recorder = new VerbRecorder();
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(_server.WriteKubeconfig(_temp.File("recorded.kubeconfig")));
        await using var replica = new ReplicaRun(new Leadership("replica-a", elected: true), new k8s.Kubernetes(config, recorder), work: null);

        await Eventually.TrueAsync(() => replica.Leadership.IsLeader && recorder.Verbs.Contains("update"), "replica-a created the Lease and renewed it");

        Assert.Equal(LeaderElection.LeaseVerbs.Order(), recorder.Verbs.Order());
    }

    private ReplicaRun Replica(string identity, Func<CancellationToken, Task>? work = null)
    {
        var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(_server.WriteKubeconfig(_temp.File($"{identity}.kubeconfig"))));
        return new ReplicaRun(new Leadership(identity, elected: true), client, work);
    }

    /// <summary>One replica's store on the shared PostgreSQL database.</summary>
    private sealed record Writer(PostgreSqlStoreProvider Provider, InstanceStore Store, StoreQueries Queries) : IAsyncDisposable
    {
        public static async Task<Writer> OpenAsync(string database, params IInterceptor[] interceptors)
        {
            var provider = new PostgreSqlStoreProvider(new PostgreSqlStoreOptions(database), interceptors);
            var store = new InstanceStore(provider, StoreOptions.Default);
            await store.InitializeAsync(CancellationToken.None);
            return new Writer(provider, store, new StoreQueries(provider));
        }

        public async ValueTask DisposeAsync()
        {
            Store.Dispose();
            await Provider.DisposeAsync();
        }
    }

    /// <summary>One replica's election; its term stands in for the watcher: it runs until its token is cancelled.</summary>
    private sealed class ReplicaRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private readonly k8s.Kubernetes _client;
        private readonly Task _run;
        private int _terms;
        private volatile bool _lastTermCancelled;

        private readonly Func<CancellationToken, Task>? _work;

        public ReplicaRun(Leadership leadership, k8s.Kubernetes client, Func<CancellationToken, Task>? work)
        {
            Leadership = leadership;
            _work = work;
            _client = client;
            var election = new LeaderElection(leadership, Fast, NullLogger<LeaderElection>.Instance);
            _run = election.RunAsync(client, LeadAsync, _stopping.Token);
        }

        public Leadership Leadership { get; }

        public int Terms => Volatile.Read(ref _terms);

        public bool LastTermCancelled => _lastTermCancelled;

        public async ValueTask DisposeAsync()
        {
            if (!_stopping.IsCancellationRequested)
            {
                await _stopping.CancelAsync();
                await _run;
                _client.Dispose();
                _stopping.Dispose();
            }
        }

        private async Task LeadAsync(CancellationToken term)
        {
            Interlocked.Increment(ref _terms);
            _lastTermCancelled = false;
            if (_work is not null)
            {
                await _work(term);
            }
            await Task.Delay(Timeout.Infinite, term).ContinueWith(_ => { }, TaskScheduler.Default);
            _lastTermCancelled = term.IsCancellationRequested;
        }
    }

    /// <summary>The Kubernetes verbs of the requests a client sends to Leases, as RBAC names them.</summary>
    private sealed class VerbRecorder : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _verbs = new();

        public IReadOnlyCollection<string> Verbs => [.. _verbs.Keys];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.Contains("/leases", StringComparison.Ordinal) == true)
            {
                var watch = request.RequestUri.Query.Contains("watch=", StringComparison.Ordinal);
                var verb = request.Method.Method switch
                {
                    "GET" when watch => "watch",
                    "GET" when request.RequestUri.AbsolutePath.EndsWith("/leases", StringComparison.Ordinal) => "list",
                    "GET" => "get",
                    "POST" => "create",
                    "PUT" => "update",
                    "PATCH" => "patch",
                    "DELETE" => "delete",
                    var other => other,
                };
                _verbs.TryAdd(verb, true);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
