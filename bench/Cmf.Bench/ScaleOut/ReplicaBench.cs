using System.Globalization;
using System.Net;
using Cmf.Bench.Browser;
using Cmf.Bench.Latency;
using Npgsql;

namespace Cmf.Bench.ScaleOut;

/// <summary>
/// Two dashboard replicas with high availability on one PostgreSQL database, both watching the latency part's simulated
/// cluster: the probe's job state changes timed to the DOM of a leader's page and of a follower's page, then the leader
/// killed (SIGKILL) under the same stream of changes, as many times as asked, each time with a new replica in its place.
/// </summary>
internal static class ReplicaBench
{
    private const string Part = ScaleOutBench.Part;
    private const string Probe = "a-probe";
    private const int BackgroundApplications = 100;
    private const int BackgroundPerSecond = 200;
    private const int LeaseDurationSeconds = 15; // the product's defaults (15/10/2); the bench sets none of them
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FailoverWithin = TimeSpan.FromSeconds(120);

    public static async Task<List<Figure>> RunAsync(BenchContext context, BenchPostgreSql postgres)
    {
        var (changes, failovers) = context.Quick ? (30, 1) : (200, 3);
        using var scratch = context.Scratch(Part);
        await using var cluster = await BenchCluster.StartAsync(scratch.Path);
        var background = cluster.CreateProbeAndBackground(Probe, BackgroundApplications);
        var connectionString = await postgres.CreateDatabaseAsync("replicas");
        await using var replicas = new Replicas(cluster.KubeconfigPath, connectionString);
        var first = await replicas.StartAsync(expectedRole: "leader");
        var second = await replicas.StartAsync(expectedRole: "follower");

        var figures = new List<Figure>();
        await using var load = new BackgroundChanges(cluster, background, BackgroundPerSecond);
        figures.AddRange(await LatencyAsync(changes, cluster, leader: first, follower: second, load));
        figures.AddRange(await FailoversAsync(failovers, cluster, replicas, connectionString, load));
        return figures;
    }

    private static async Task<List<Figure>> LatencyAsync(int changes, BenchCluster cluster, Replica leader, Replica follower, BackgroundChanges load)
    {
        await using var browser = await BenchBrowser.LaunchAsync();
        // One context (a window of its own) per page, so that neither is a hidden background tab.
        await using var leaderContext = await browser.NewContextAsync();
        await using var followerContext = await browser.NewContextAsync();
        var leaderPage = await ApplicationListRecorder.OpenAsync(leaderContext, leader.Dashboard.Url("/applications"), Probe);
        var followerPage = await ApplicationListRecorder.OpenAsync(followerContext, follower.Dashboard.Url("/applications"), Probe);

        await Task.Delay(TimeSpan.FromSeconds(5));
        var samples = new ProbeChanges("leader", "follower");
        await samples.RunAsync(
            cluster, Probe, changes, load,
            drain: async () =>
            {
                await leaderPage.DrainAsync();
                await followerPage.DrainAsync();
            },
            observe: (state, _) => ObserveAsync(leaderPage, followerPage, state),
            clockOffsets: async () => [await leaderPage.ClockOffsetAsync(), await followerPage.ClockOffsetAsync()]);
        var (leaderMs, followerMs, offsets, unseen) = (samples.First, samples.Second, samples.ClockOffsets, samples.Unseen);
        if (leaderMs.Count == 0)
        {
            throw new InvalidOperationException("No change was seen on both pages.");
        }
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{leaderMs.Count} changes seen on both, {unseen} not within {SeenWithin.TotalSeconds:0} s; {BackgroundPerSecond} background changes/s asked; "
            + $"browser clock offset {offsets.Min():0.0}..{offsets.Max():0.0} ms; load average at the end {ScaleOutBench.LoadAverage()}");
        var figures = new List<Figure>();
        foreach (var p in new[] { 50, 99 })
        {
            figures.Add(new Figure(Part, $"application list DOM p{p}, leader's page (2 replicas, HA, PostgreSQL)", Stats.Percentile(leaderMs, p), "ms"));
            figures.Add(new Figure(Part, $"application list DOM p{p}, follower's page", Stats.Percentile(followerMs, p), "ms",
                Baseline: Stats.Percentile(leaderMs, p), BaselineName: $"leader's page p{p}", Note: p == 99 ? note : null));
        }
        // The difference of each change, not of the percentiles: what a person on the follower waits more for the same change.
        var differences = leaderMs.Zip(followerMs, (l, f) => f - l).ToList();
        figures.Add(new Figure(Part, "follower minus leader, same change, p50", Stats.Percentile(differences, 50), "ms"));
        figures.Add(new Figure(Part, "follower minus leader, same change, p99", Stats.Percentile(differences, 99), "ms"));
        return figures;
    }

    private static async Task<(double? Leader, double? Follower)> ObserveAsync(ApplicationListRecorder leader, ApplicationListRecorder follower, string state)
    {
        double? onLeader = null;
        double? onFollower = null;
        var deadline = DateTime.UtcNow + SeenWithin;
        while ((onLeader is null || onFollower is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            onLeader ??= (await leader.DrainAsync()).FirstOrDefault(c => c.State.Contains(state, StringComparison.OrdinalIgnoreCase))?.UnixMilliseconds;
            onFollower ??= (await follower.DrainAsync()).FirstOrDefault(c => c.State.Contains(state, StringComparison.OrdinalIgnoreCase))?.UnixMilliseconds;
        }
        return (onLeader, onFollower);
    }

    /// <summary>
    /// Each round: the leader is killed; right after, a new application is created in the cluster; the survivor's API is
    /// polled every 50 ms for its role and for that application, and the store's WriterEpoch row says when the survivor
    /// claimed it. Then a new replica joins as follower for the next round.
    /// </summary>
    private static async Task<List<Figure>> FailoversAsync(int rounds, BenchCluster cluster, Replicas replicas, string connectionString, BackgroundChanges load)
    {
        var visible = new List<double>();
        var claimed = new List<double>();
        var led = new List<double>();
        var expired = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // The stream has run a while: the leader's watch positions are behind its last renewal, as in real life.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var leader = await replicas.CurrentLeaderAsync();
            var survivor = replicas.Alive.Single(r => r != leader);
            var killedAt = WallClock.NowUnixMilliseconds;
            await replicas.KillAsync(leader);
            // Read before the survivor can take the Lease over: the dead leader's last renewal, which nobody renews now.
            var (leaseHolder, renewedAt) = await Replicas.LeaseAsync(cluster);
            if (leaseHolder != leader.Identity)
            {
                throw new InvalidOperationException($"Round {round}: the Lease was held by {leaseHolder} right after {leader.Identity} was killed.");
            }
            var created = $"failover-{round}";
            cluster.CreateRunningApplication(created);
            var createdAt = WallClock.NowUnixMilliseconds;

            using var http = new HttpClient { BaseAddress = survivor.Dashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
            double? leaderAt = null;
            double? seenAt = null;
            var deadline = DateTime.UtcNow + FailoverWithin;
            while (seenAt is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                leaderAt ??= await Replicas.RoleAsync(http) == "leader" ? WallClock.NowUnixMilliseconds : null;
                using var response = await http.GetAsync($"/cmf/api/v1/environments/{BenchCluster.Namespace}/applications/{created}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    seenAt = WallClock.NowUnixMilliseconds;
                }
                else if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    throw new InvalidOperationException($"The survivor answered {(int)response.StatusCode} for {created}.");
                }
            }
            if (seenAt is null)
            {
                throw new TimeoutException($"Round {round}: {created} did not appear on the survivor within {FailoverWithin}.");
            }
            leaderAt ??= seenAt;
            var (epoch, holder, claimedAt) = await WriterEpochAsync(connectionString);
            if (holder != survivor.Identity)
            {
                throw new InvalidOperationException($"Round {round}: the writer epoch is held by {holder}, not by the survivor {survivor.Identity}.");
            }
            visible.Add((seenAt.Value - killedAt) / 1000);
            claimed.Add((claimedAt - killedAt) / 1000);
            led.Add((leaderAt.Value - killedAt) / 1000);
            expired.Add((renewedAt + LeaseDurationSeconds * 1000.0 - killedAt) / 1000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scaleout: failover {round}: killed {leader.Identity}; {created} created {createdAt - killedAt:0} ms after the kill; its Lease (last renewed by the dead leader) "
                + $"expired {expired[^1]:0.00} s after the kill; {survivor.Identity} answered role=leader by {led[^1]:0.00} s, claimed epoch {epoch} at {claimed[^1]:0.00} s, "
                + $"served {created} at {visible[^1]:0.00} s; background {load.Made} made; load {ScaleOutBench.LoadAverage()}"));
            if (round < rounds)
            {
                await replicas.StartAsync(expectedRole: "follower");
            }
        }

        static string Each(List<double> values) => string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
        var conditions = string.Create(CultureInfo.InvariantCulture,
            $"lease duration {LeaseDurationSeconds} s, renew deadline 10 s, retry period 2 s (the defaults); SIGKILL under {BackgroundPerSecond} job state changes/s; "
            + $"load average at the end {ScaleOutBench.LoadAverage()}");
        return
        [
            new Figure(Part, $"failover: leader killed -> a change made right after the kill served by the survivor's API, median of {rounds}",
                Stats.Median(visible), "s", Baseline: LeaseDurationSeconds, BaselineName: "lease duration",
                Note: $"each {Each(visible)} s; {conditions}"),
            new Figure(Part, $"failover: leader killed -> survivor's WriterEpoch claim (ClaimedAt), median of {rounds}", Stats.Median(claimed), "s",
                Baseline: LeaseDurationSeconds, BaselineName: "lease duration", Note: $"each {Each(claimed)} s"),
            new Figure(Part, $"failover: leader killed -> survivor's /api/v1/about says leader, median of {rounds}", Stats.Median(led), "s",
                Note: $"each {Each(led)} s; polled every 50 ms"),
            new Figure(Part, $"failover: leader killed -> its Lease expired (last renewTime + {LeaseDurationSeconds} s), median of {rounds}", Stats.Median(expired), "s",
                Note: $"each {Each(expired)} s: the part of the gap the lease alone imposes"),
        ];
    }

    private static async Task<(long Epoch, string Holder, double ClaimedAtUnixMilliseconds)> WriterEpochAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Epoch\", \"Holder\", \"ClaimedAt\" FROM \"WriterEpoch\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No WriterEpoch row: nobody claimed the store.");
        }
        return (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
    }
}
