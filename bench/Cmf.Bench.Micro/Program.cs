using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cmf.Bench;
using Cmf.Bench.Micro;

// Issue 8, part 1. In-process, so no generated project has to build under the repository's analyzers;
// --quick runs BenchmarkDotNet's short job (3 warm-up and 3 measured iterations) for a smoke run.
var context = BenchContext.FromArgs(args);
var job = (context.Quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator)
    .WithArtifactsPath(Path.Combine(context.RepositoryRoot, "bench", "Cmf.Bench.Micro", "BenchmarkDotNet.Artifacts"));

// Other arguments go to BenchmarkDotNet (e.g. --filter *Observation* to compare one benchmark before and after a change).
var benchmarkArgs = args.Where(a => a != "--quick").ToArray();
var filtered = benchmarkArgs.Contains("--filter");
var summaries = BenchmarkSwitcher
    .FromTypes([typeof(TrackerBenchmarks), typeof(ObservationBenchmarks), typeof(SpecBenchmarks)])
    .Run(filtered ? benchmarkArgs : [.. benchmarkArgs, "--filter", "*"], config)
    .ToList();
var figures = summaries.SelectMany(s => s.Reports.Select(ToFigure)).OfType<Figure>().ToList();
if (figures.Count == 0)
{
    Console.Error.WriteLine("micro: no benchmark produced a result");
    return 1;
}
if (filtered)
{
    // A partial run must not replace the figures of a whole one.
    figures.ForEach(f => Console.WriteLine(ResultsReport.Row(f)));
    return 0;
}
await ResultsFile.WriteAsync(context, "micro", figures);
return figures.Count == summaries.Sum(s => s.BenchmarksCases.Length) ? 0 : 1;

static Figure? ToFigure(BenchmarkReport report)
{
    if (report.ResultStatistics is not { } statistics)
    {
        return null;
    }
    var nanoseconds = statistics.Mean;
    var (value, unit) = nanoseconds >= 1_000_000 ? (nanoseconds / 1_000_000, "ms") : (nanoseconds / 1_000, "µs");
    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    var note = string.Create(CultureInfo.InvariantCulture,
        $"{(allocated is { } bytes ? $"{bytes / 1024.0:N1} KB allocated per operation" : "allocations not measured")}, "
        + $"±{statistics.StandardDeviation / nanoseconds * 100:0}% over {statistics.N} iterations");
    return new Figure("micro", report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), Math.Round(value, 3), unit, Note: note);
}
