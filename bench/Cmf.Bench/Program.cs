using Cmf.Bench;
using Cmf.Bench.ColdStart;
using Cmf.Bench.Ingest;
using Cmf.Bench.Latency;
using Cmf.Bench.Memory;
using Cmf.Bench.Scale;
using Cmf.Bench.ScaleOut;

// One entry per part; bench/run.sh runs them all, then "report" writes the table into bench/README.md.
var parts = new Dictionary<string, Func<BenchContext, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest"] = IngestBench.RunAsync,
    ["scale"] = ScaleBench.RunAsync,
    ["coldstart"] = ColdStartBench.RunAsync,
    [LatencyBench.Part] = LatencyBench.RunAsync,
    [MemoryBench.Part] = MemoryBench.RunAsync,
    [ScaleOutBench.Part] = ScaleOutBench.RunAsync,
    ["report"] = ResultsReport.WriteAsync,
};

if (args.Length == 0 || !parts.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Cmf.Bench <{string.Join('|', parts.Keys)}> [--quick] [--sizes=1000,10000,50000]");
    return 2;
}

BenchContext context;
try
{
    context = BenchContext.FromArgs(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
await run(context);
return 0;
