using System.Globalization;
using Cmf.Bench.Ingest;
using Cmf.Core.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cmf.Bench.ScaleOut;

/// <summary>
/// Issue 14, item 7: what running on PostgreSQL and as several replicas costs. (1) The ingest part's recorded stream and
/// pipeline on SQLite and on PostgreSQL in the same run; (2) watch-to-DOM latency on a follower's page beside the
/// leader's; (3) the failover gap after the leader is killed. One throw-away PostgreSQL server serves all three.
/// </summary>
public static class ScaleOutBench
{
    public const string Part = "scaleout";

    public static async Task RunAsync(BenchContext context)
    {
        await using var postgres = await BenchPostgreSql.StartAsync();
        Console.WriteLine($"scaleout: PostgreSQL 15 on 127.0.0.1:{postgres.Port} (fsync on)");
        var figures = new List<Figure>();
        figures.AddRange(await IngestAsync(context, postgres));
        figures.AddRange(await ReplicaBench.RunAsync(context, postgres));
        await ResultsFile.WriteAsync(context, Part, figures);
    }

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static async Task<List<Figure>> IngestAsync(BenchContext context, BenchPostgreSql postgres)
    {
        var (applications, targetEvents, repetitions) = context.Quick ? (100, 5_000, 1) : (1_000, 50_000, 3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));

        Console.WriteLine($"scaleout: recording {targetEvents:N0} watch events over {applications:N0} applications in the simulator");
        var stream = await RecordedStream.RecordAsync(applications, targetEvents, ct);
        await using var simulator = stream.Simulator;
        var events = stream.Events.Total;
        var clusters = stream.Simulator.GroundTruth.JobManagerDeployments().Select(d => d.DeploymentUid).Distinct().Count();

        // PostgreSQL as installed (synchronous_commit=on: each commit waits for its WAL flush), and with the durability
        // of SQLite's WAL + synchronous=NORMAL (a crash of the machine may lose the last commits, never consistency).
        var engines = new (string Key, (string, string)[] Settings)[] { ("on", []), ("off", [("synchronous_commit", "off")]) };
        var sqlite = new List<double>();
        var pg = engines.ToDictionary(e => e.Key, _ => new List<double>());
        var loads = new List<string>();
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            // The engines take turns within each repetition, so a burst of other work on the machine falls on all of them.
            using var scratch = context.Scratch(Part);
            var database = Path.Combine(scratch.Path, "cmf.db");
            var run = await PipelineRun.ReplayAsync(stream, database, loggers, ct);
            await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync(ct);
                await IngestBench.CheckStoredAsync(connection, applications, stream.SpecChanges, clusters, ct);
            }
            SqliteConnection.ClearAllPools();
            sqlite.Add(events / run.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scaleout: ingest run {repetition}, SQLite: {run.Elapsed.TotalSeconds:0.00} s = {sqlite[^1]:N0} events/s, {run.CommittedBatches} batches, load {LoadAverage()}"));

            foreach (var (key, settings) in engines)
            {
                var connectionString = await postgres.CreateDatabaseAsync($"ingest_{repetition}_sync_{key}", settings);
                await using (var provider = new PostgreSqlStoreProvider(new PostgreSqlStoreOptions(connectionString)))
                {
                    run = await PipelineRun.ReplayAsync(stream, provider, loggers, ct);
                }
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(ct);
                    await IngestBench.CheckStoredAsync(connection, applications, stream.SpecChanges, clusters, ct);
                }
                pg[key].Add(events / run.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scaleout: ingest run {repetition}, PostgreSQL synchronous_commit={key}: {run.Elapsed.TotalSeconds:0.00} s = {pg[key][^1]:N0} events/s, "
                    + $"{run.CommittedBatches} batches, load {LoadAverage()}"));
            }
            loads.Add(LoadAverage());
        }

        var stream_ = string.Create(CultureInfo.InvariantCulture,
            $"the ingest part's stream: {events:N0} events of {applications:N0} apps replayed over HTTP by the real watcher; median of {repetitions}; "
            + $"load average after each repetition {string.Join(", ", loads)}");
        var sqliteValue = Math.Round(Stats.Median(sqlite));
        return
        [
            new Figure(Part, "ingest events/s on SQLite (WAL, synchronous=NORMAL: the default store)", sqliteValue, "events/s", Note: stream_),
            new Figure(Part, "ingest events/s on PostgreSQL 15, synchronous_commit=on (server defaults, fsync on)",
                Math.Round(Stats.Median(pg["on"])), "events/s", Baseline: sqliteValue, BaselineName: "SQLite, same run"),
            new Figure(Part, "ingest events/s on PostgreSQL 15, synchronous_commit=off (fsync on; the durability of SQLite's synchronous=NORMAL)",
                Math.Round(Stats.Median(pg["off"])), "events/s", Baseline: sqliteValue, BaselineName: "SQLite, same run"),
        ];
    }
}
