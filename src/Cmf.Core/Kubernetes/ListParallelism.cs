namespace Cmf.Core.Kubernetes;

/// <summary>
/// How many threads a long list's objects are parsed or mapped on at most: one per core. Unbounded, a parallel loop
/// over a 10,000-object list keeps queueing copies of itself on the thread pool, whose starvation detection then adds
/// threads (12 in the mapping of the cold-start profile, on 2 cores); they wait for each other and for the GC, and
/// everything else queued on the pool (requests to <c>/readyz</c> and the pages) waits behind them.
/// </summary>
internal static class ListParallelism
{
    public static ParallelOptions Options { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
