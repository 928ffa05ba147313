using System.Diagnostics;

namespace Cmf.Bench.Latency;

/// <summary>Job state changes on other applications at a steady rate, on their own thread, until stopped.</summary>
public sealed class BackgroundChanges : IAsyncDisposable
{
    private static readonly string[] States = ["RESTARTING", "RUNNING"];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public BackgroundChanges(BenchCluster cluster, IReadOnlyList<string> applications, int perSecond)
    {
        _loop = Task.Run(() => RunAsync(cluster, applications, perSecond, _stop.Token));
    }

    public long Made { get; private set; }

    public double Seconds { get; private set; }

    private async Task RunAsync(BenchCluster cluster, IReadOnlyList<string> applications, int perSecond, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
                while (Made < due)
                {
                    var application = (int)(Made % applications.Count);
                    var round = (int)(Made / applications.Count);
                    cluster.SetJobState(applications[application], States[round % States.Length]);
                    Made++;
                }
                await Task.Delay(10, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        Seconds = clock.Elapsed.TotalSeconds;
    }

    public double Rate => Seconds > 0 ? Made / Seconds : 0;

    /// <summary>Stops the changes; safe to call twice (the run stops them before it reports, disposal again on failure).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        await _loop;
    }
}
