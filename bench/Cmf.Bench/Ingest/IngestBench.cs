using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cmf.Bench.Ingest;

/// <summary>
/// Issue 8, part 2: spec and status changes of many applications through watcher -> tracker -> store, in events per
/// second from the watcher's start to the last committed batch, next to raw SQLite inserts of the same rows.
/// </summary>
public static class IngestBench
{
    private const string Part = "ingest";

    public static async Task RunAsync(BenchContext context)
    {
        var (applications, targetEvents, repetitions) = context.Quick ? (100, 5_000, 1) : (1_000, 50_000, 3);
        // For profiling: more repetitions of the same stream, so a trace can look at warm runs only.
        if (int.TryParse(Environment.GetEnvironmentVariable("CMF_BENCH_REPETITIONS"), CultureInfo.InvariantCulture, out var asked) && asked is > 0 and <= 20)
        {
            repetitions = asked;
        }
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));

        Console.WriteLine($"ingest: recording {targetEvents:N0} watch events over {applications:N0} applications in the simulator");
        var recording = System.Diagnostics.Stopwatch.StartNew();
        var stream = await RecordedStream.RecordAsync(applications, targetEvents, ct);
        await using var simulator = stream.Simulator;
        var events = stream.Events.Total;
        var clusters = stream.Simulator.GroundTruth.JobManagerDeployments().Select(d => d.DeploymentUid).Distinct().Count();
        Console.WriteLine($"ingest: recorded {stream.Events} ({events:N0} in all) from {stream.SpecChanges:N0} creations and spec changes, "
            + $"{clusters:N0} JobManager Deployments, in {recording.Elapsed.TotalSeconds:0.0} s");

        var product = new List<double>();
        var baseline = new List<double>();
        var batches = new List<long>();
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            using var scratch = context.Scratch(Part);
            var productDatabase = Path.Combine(scratch.Path, "cmf.db");
            Console.WriteLine($"ingest: run {repetition} starts {Uptime()} after the process");
            var gc = GcReading.Now();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var run = await PipelineRun.ReplayAsync(stream, productDatabase, loggers, ct);
            var gcDuring = GcReading.Now() - gc;
            // CPU time is steadier than wall time on a shared machine: it says what the work costs, not what it waited.
            var cpuDuring = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"ingest: run {repetition} replayed {Uptime()} after the process");
            await CheckStoredAsync(productDatabase, applications, stream.SpecChanges, clusters, ct);
            var raw = await RawSqliteBaseline.InsertSameRowsAsync(productDatabase, Path.Combine(scratch.Path, "baseline.db"), run.CommittedBatches, ct);
            SqliteConnection.ClearAllPools();

            product.Add(events / run.Elapsed.TotalSeconds);
            baseline.Add(events / raw.Elapsed.TotalSeconds);
            batches.Add(run.CommittedBatches);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: run {repetition}: pipeline {run.Elapsed.TotalSeconds:0.00} s = {product[^1]:N0} events/s in {run.CommittedBatches} batches "
                + $"(relists {run.Relists}, restarts {run.Restarts}; process CPU {cpuDuring.TotalMilliseconds / events * 1000:0} ms per 1,000 events; {gcDuring}); raw SQLite {raw.Rows:N0} rows in {raw.Transactions} transactions "
                + $"{raw.Elapsed.TotalSeconds:0.00} s = {baseline[^1]:N0} events/s"));
        }

        var value = Stats.Median(product);
        var reference = Stats.Median(baseline);
        var figure = new Figure(
            Part,
            "events/s, watcher -> tracker -> store",
            Math.Round(value),
            "events/s",
            Baseline: Math.Round(reference),
            BaselineName: "raw SQLite inserts of the same rows",
            Target: ">= 5,000 events/s and >= 0.3 x baseline",
            Met: value >= 5_000 && value >= 0.3 * reference,
            Note: string.Create(CultureInfo.InvariantCulture,
                $"{events:N0} events ({stream.Events.FlinkDeployments:N0} FlinkDeployment, {stream.Events.JobManagerDeployments:N0} Deployment, "
                + $"{stream.Events.JobManagerPods:N0} pod) of {applications:N0} apps replayed over HTTP from the simulator by the real watcher; "
                + $"median of {repetitions}, {Stats.Median(batches.Select(b => (double)b).ToList()):0} batches"));
        await ResultsFile.WriteAsync(context, Part, [figure]);
    }

    /// <summary>Garbage collections in the whole process (the simulator serving the stream included).</summary>
    private readonly record struct GcReading(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
    {
        public static GcReading Now() => new(
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

        public static GcReading operator -(GcReading a, GcReading b) =>
            new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Allocated - b.Allocated);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"GC {Gen0}/{Gen1}/{Gen2} collections, {Paused.TotalMilliseconds:0} ms paused, {Allocated / 1048576.0:N0} MiB allocated, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
    }

    private static string Uptime() =>
        (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>An honest figure needs a correct result: every application, instance and cluster of the stream is stored.</summary>
    private static async Task CheckStoredAsync(string database, int applications, int instances, int clusters, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await CheckStoredAsync(connection, applications, instances, clusters, ct);
    }

    /// <summary>The same check on any engine's open connection (the scaleout part reads PostgreSQL with it).</summary>
    internal static async Task CheckStoredAsync(System.Data.Common.DbConnection connection, int applications, int instances, int clusters, CancellationToken ct)
    {
        async Task<long> CountAsync(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        var stored = (Applications: await CountAsync("Applications"), Instances: await CountAsync("Instances"), Clusters: await CountAsync("Clusters"));
        if (stored != (applications, instances, clusters))
        {
            throw new InvalidOperationException(
                $"The store holds {stored.Applications} applications, {stored.Instances} instances and {stored.Clusters} clusters; "
                + $"the stream made {applications}, {instances} and {clusters}.");
        }
    }
}
