using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Cmf.Bench.Memory;

/// <summary>One reading of a process's memory: its resident set, and its managed heap right after a full GC.</summary>
public sealed record MemoryReading(double ResidentKiB, double ManagedHeapKiB);

/// <summary>
/// Reads another .NET process's memory without anything added to it: RSS from /proc/&lt;pid&gt;/status, and the managed heap
/// from the GCHeapStats event of a blocking gen 2 GC induced over EventPipe (the runtime's GCHeapCollect keyword, which is
/// how dotnet-gcdump forces its GC). GCHeapStats counts what survived that GC: generations 0-2, the large and pinned object heaps.
/// </summary>
public static class ProcessMemory
{
    private static readonly TimeSpan GcTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Induces two full GCs a moment apart (finalizers of the first are collected by the second) and reads after the second.</summary>
    public static async Task<MemoryReading> ReadAfterGcAsync(int processId)
    {
        await InducedGcHeapBytesAsync(processId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heap = await InducedGcHeapBytesAsync(processId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        return new MemoryReading(ResidentKiB(processId), heap / 1024.0);
    }

    public static double ResidentKiB(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS line.");
    }

    private static async Task<double> InducedGcHeapBytesAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        using var connecting = new CancellationTokenSource(GcTimeout);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)],
            requestRundown: false,
            token: connecting.Token);
        using var source = new EventPipeEventSource(session.EventStream);
        var result = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullGcRunning = false;
        source.Clr.GCStart += e => fullGcRunning = e.Depth == 2 && e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (fullGcRunning)
            {
                result.TrySetResult(e.TotalHeapSize);
            }
        };
        var processing = Task.Run(source.Process);
        try
        {
            return await result.Task.WaitAsync(GcTimeout);
        }
        finally
        {
            // Every step is bounded: on a starved machine a session that never answers must fail the run, not hang it.
            using var stopping = new CancellationTokenSource(GcTimeout);
            await session.StopAsync(stopping.Token);
            await processing.WaitAsync(GcTimeout);
        }
    }
}
