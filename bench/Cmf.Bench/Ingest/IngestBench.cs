using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cmf.Bench.Ingest;

/// <summary>
/// Issue 8, part 2, and issue 17's cost curve: spec and status changes of many applications through watcher -> tracker
/// -> store, in events per second from the watcher's start to the last committed batch, at several sizes (1,000, 10,000
/// and 50,000 FlinkDeployments, about 50 events each), next to the honest baseline of the same run: the same watch
/// stream parsed and written as rows by a minimal hand-written ingest (<see cref="WatchStreamBaseline"/>).
/// </summary>
public static class IngestBench
{
    private const string Part = "ingest";
    private const int EventsPerApplication = 50;

    /// <summary>
    /// The simulator keeps every event of the stream for the replay, about 8 KB each in its heap (405 MiB after a full GC
    /// for 50,435 events at 1k); 50 events for each of 50,000 applications (2.5 million) would need ~20 GB beside the
    /// pipeline on a 24 GiB machine, so the stream stops growing at a million events
    /// (about 20 per application at 50k, mostly the creations). The growth factor is per event, so it stays comparable.
    /// </summary>
    private const int MaxEvents = 1_000_000;
    private static readonly int[] FullSizes = [1_000, 10_000, 50_000];
    private static readonly int[] QuickSizes = [100, 200];

    private sealed record SizeResult(
        int Applications, int Events, double ProductSeconds, double BaselineSeconds, double ProductRate, double BaselineRate, Figure Figure);

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes ?? (context.Quick ? QuickSizes : FullSizes);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var results = new List<SizeResult>();
        foreach (var applications in sizes)
        {
            // For profiling, CMF_BENCH_REPETITIONS: more repetitions of the same stream, so a trace can look at warm runs only.
            var repetitions = BenchEnvironment.Int("CMF_BENCH_REPETITIONS", 1, 20) ?? (context.Quick ? 1 : applications <= 10_000 ? 3 : 1);
            results.Add(await MeasureAsync(context, applications, repetitions, loggers));
            // Written after each size, so the smaller sizes' figures survive a failure at a larger one.
            await ResultsFile.WriteAsync(context, Part, Figures(results));
        }
    }

    private static List<Figure> Figures(List<SizeResult> results)
    {
        var figures = results.Select(r => r.Figure).ToList();
        figures.AddRange(CostCurve.Growth(Part, "ingest time per event, watcher -> tracker -> store", "events",
            results.Select(r => new CostCurve.Point(r.Applications, r.ProductSeconds, r.Events, r.Figure.LoadAverage)).ToList()));
        figures.AddRange(CostCurve.Growth(Part, "ingest time per event, baseline", "events",
            results.Select(r => new CostCurve.Point(r.Applications, r.BaselineSeconds, r.Events, r.Figure.LoadAverage)).ToList()));
        return figures;
    }

    private static async Task<SizeResult> MeasureAsync(BenchContext context, int applications, int repetitions, ILoggerFactory loggers)
    {
        var targetEvents = Math.Min(applications * EventsPerApplication, MaxEvents);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30) + TimeSpan.FromMilliseconds(targetEvents * 2.0));
        var ct = cancel.Token;
        using var recordingScratch = context.Scratch(Part);

        Console.WriteLine($"ingest: recording {targetEvents:N0} watch events over {applications:N0} applications in the simulator (load average {LoadAverage.Describe(LoadAverage.OneMinute())})");
        var recording = System.Diagnostics.Stopwatch.StartNew();
        var stream = await RecordedStream.RecordAsync(applications, targetEvents, ct);
        await using var simulator = stream.Simulator;
        var events = stream.Events.Total;
        var clusters = stream.Simulator.GroundTruth.JobManagerDeployments().Select(d => d.DeploymentUid).Distinct().Count();
        var served = await WatchStreamFile.RecordAsync(stream, Path.Combine(recordingScratch.Path, "stream.ndjson"), ct);
        if (served.Events != events)
        {
            throw new InvalidOperationException($"The recorded NDJSON holds {served.Events} events; the watches counted {events}.");
        }
        Console.WriteLine($"ingest: recorded {stream.Events} ({events:N0} in all, {served.Bytes / 1048576.0:N0} MiB of NDJSON) from {stream.SpecChanges:N0} creations and spec changes, "
            + $"{clusters:N0} JobManager Deployments, in {recording.Elapsed.TotalSeconds:0.0} s; {Memory()}");

        var product = new List<(double Seconds, double Rate)>();
        var baseline = new List<(double Seconds, double Rate)>();
        var batches = new List<long>();
        var loads = new List<double?>();
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            using var scratch = context.Scratch(Part);
            var productDatabase = Path.Combine(scratch.Path, "cmf.db");
            Console.WriteLine($"ingest: {applications:N0} apps, run {repetition} starts {Uptime()} after the process (load average {LoadAverage.Describe(LoadAverage.OneMinute())})");
            var gc = GcReading.Now();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var run = await PipelineRun.ReplayAsync(stream, productDatabase, loggers, ct);
            var gcDuring = GcReading.Now() - gc;
            // CPU time is steadier than wall time on a shared machine: it says what the work costs, not what it waited.
            var cpuDuring = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await CheckStoredAsync(productDatabase, applications, stream.SpecChanges, clusters, ct);
            SqliteConnection.ClearAllPools();

            var baselineDatabase = Path.Combine(scratch.Path, "baseline.db");
            var honest = await WatchStreamBaseline.IngestAsync(served, baselineDatabase, run.CommittedBatches, ct);
            await CheckStoredAsync(baselineDatabase, applications, stream.SpecChanges, clusters, ct);
            SqliteConnection.ClearAllPools();
            loads.Add(LoadAverage.OneMinute());

            product.Add((run.Elapsed.TotalSeconds, events / run.Elapsed.TotalSeconds));
            baseline.Add((honest.Elapsed.TotalSeconds, events / honest.Elapsed.TotalSeconds));
            batches.Add(run.CommittedBatches);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {applications:N0} apps, run {repetition}: pipeline {run.Elapsed.TotalSeconds:0.00} s = {product[^1].Rate:N0} events/s in {run.CommittedBatches} batches "
                + $"(relists {run.Relists}, restarts {run.Restarts}; process CPU {cpuDuring.TotalMilliseconds / events * 1000:0} ms per 1,000 events; {gcDuring}); "
                + $"baseline {honest.Statements:N0} statements in {honest.Transactions} transactions {honest.Elapsed.TotalSeconds:0.00} s = {baseline[^1].Rate:N0} events/s; "
                + $"ratio {product[^1].Rate / baseline[^1].Rate:0.00}; load average {LoadAverage.Describe(loads[^1])}; {Memory()}"));
        }

        var value = Stats.Median(product.Select(p => p.Rate).ToList());
        var reference = Stats.Median(baseline.Select(p => p.Rate).ToList());
        var figure = new Figure(
            Part,
            $"events/s, watcher -> tracker -> store, {CostCurve.Label(applications)} FlinkDeployments",
            Math.Round(value),
            "events/s",
            Baseline: Math.Round(reference),
            BaselineName: "the same NDJSON watch stream parsed with System.Text.Json, rows written by hand with Microsoft.Data.Sqlite, same batches",
            Target: ">= 10,000 events/s and >= 0.3 x baseline",
            Met: value >= 10_000 && value >= 0.3 * reference,
            Note: string.Create(CultureInfo.InvariantCulture,
                $"{events:N0} events ({stream.Events.FlinkDeployments:N0} FlinkDeployment, {stream.Events.JobManagerDeployments:N0} Deployment, "
                + $"{stream.Events.JobManagerPods:N0} pod) of {applications:N0} apps replayed over HTTP from the simulator by the real watcher; "
                + $"median of {repetitions}, {Stats.Median(batches.Select(b => (double)b).ToList()):0} batches; "
                + $"load average after each repetition {string.Join(", ", loads.Select(LoadAverage.Describe))}"))
        {
            LoadAverage = loads.Max(),
        };
        return new SizeResult(
            applications, events, Stats.Median(product.Select(p => p.Seconds).ToList()), Stats.Median(baseline.Select(p => p.Seconds).ToList()),
            value, reference, figure);
    }

    private static string Memory()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"bench process (simulator included): managed heap after a full GC {GC.GetTotalMemory(true) / 1048576.0:N0} MiB, working set {process.WorkingSet64 / 1048576.0:N0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:N0} MiB");
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
