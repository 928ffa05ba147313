using System.Diagnostics.Metrics;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;

namespace Cmf.Core.Telemetry;

/// <summary>
/// Every instrument of the dashboard's own meter. Counters and histograms are recorded where things happen; gauges are
/// read when a scrape asks, from state that is already at hand (no store query per scrape).
/// </summary>
public sealed class CmfMetrics : IDisposable
{
    public const string MeterName = "Cmf.Dashboard";

    // Commits take milliseconds to seconds; the SDK's default buckets are for milliseconds.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] SizeBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500];

    private readonly Meter _meter;
    private readonly Counter<long> _watchEvents;
    private readonly Counter<long> _watchRestarts;
    private readonly Counter<long> _watchRelists;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _commitFailures;
    private readonly Counter<long> _prunedInstances;
    private readonly UpDownCounter<long> _circuits;
    private readonly UpDownCounter<long> _hubConnections;
    private IngestPipeline? _pipeline;
    private Func<bool>? _leads;

    public CmfMetrics(IMeterFactory meters, WatchHealth watches, ChangeFeed feed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        _meter = meters.Create(MeterName);
        _watchEvents = _meter.CreateCounter<long>("cmf.watch.events", "{event}", "Watch events (ADDED, MODIFIED, DELETED) received, by resource.");
        _watchRestarts = _meter.CreateCounter<long>("cmf.watch.restarts", "{restart}", "Watches restarted after an error or a silent watchdog period.");
        _watchRelists = _meter.CreateCounter<long>("cmf.watch.relists", "{relist}", "Full relists (410 Gone, a failed commit, a stored position ahead of the server).");
        _batchSize = _meter.CreateHistogram<int>(
            "cmf.ingest.batch.size", "{result}", "Tracker results per committed batch.", tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = SizeBuckets });
        _commitDuration = _meter.CreateHistogram<double>(
            "cmf.ingest.commit.duration", "s", "Duration of one batch's store transaction.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _commitFailures = _meter.CreateCounter<long>("cmf.ingest.commit.failures", "{failure}", "Batches whose commit failed (the pipeline relists).");
        _prunedInstances = _meter.CreateCounter<long>("cmf.instances.pruned", "{instance}", "Instances pruned by retention.");
        _circuits = _meter.CreateUpDownCounter<long>("cmf.circuits", "{circuit}", "Open Blazor circuits.");
        _hubConnections = _meter.CreateUpDownCounter<long>("cmf.hub.connections", "{connection}", "Open status hub connections.");
        _meter.CreateObservableGauge("cmf.watch.lag", () => Lags(watches, time), "s", "Seconds since a watch's last event or bookmark.");
        _meter.CreateObservableGauge("cmf.ingest.queue.depth", () => Pipeline(p => p.QueuedSignals), "{signal}", "Watch signals waiting for the pipeline.");
        _meter.CreateObservableGauge("cmf.applications", () => Pipeline(p => p.StoredApplications), "{application}", "Applications the ingesting replica holds.");
        _meter.CreateObservableGauge("cmf.instances", () => Pipeline(p => p.StoredInstances), "{instance}", "Retained instances the ingesting replica holds.");
        _meter.CreateObservableGauge("cmf.feed.subscribers", () => feed.SubscriberCount, "{subscriber}", "Live pages and hub topics subscribed to the change feed.");
        _meter.CreateObservableGauge("cmf.leader", Leader, "{replica}", "1 while this replica writes (always, without high availability), else 0.");

        // Series exist from the start, so rate() and increase() see the first change and alerts have a value to test.
        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            _watchEvents.Add(0, new KeyValuePair<string, object?>("resource", ResourceName(kind)));
        }
        _commitFailures.Add(0);
        _prunedInstances.Add(0);
        _circuits.Add(0);
        _hubConnections.Add(0);
    }

    public void WatchEvent(ResourceKind kind) => _watchEvents.Add(1, new KeyValuePair<string, object?>("resource", ResourceName(kind)));

    public void WatchRestarted(string watch) => _watchRestarts.Add(1, new KeyValuePair<string, object?>("watch", watch));

    public void WatchRelisted(string watch) => _watchRelists.Add(1, new KeyValuePair<string, object?>("watch", watch));

    public void BatchCommitted(int results, TimeSpan duration, int prunedInstances)
    {
        _batchSize.Record(results);
        _commitDuration.Record(duration.TotalSeconds);
        if (prunedInstances > 0)
        {
            _prunedInstances.Add(prunedInstances);
        }
    }

    public void CommitFailed() => _commitFailures.Add(1);

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void HubConnected() => _hubConnections.Add(1);

    public void HubDisconnected() => _hubConnections.Add(-1);

    /// <summary>The pipeline now ingesting; its queue and counts are reported until it detaches.</summary>
    public void Attach(IngestPipeline pipeline) => Volatile.Write(ref _pipeline, pipeline);

    public void Detach(IngestPipeline pipeline) => Interlocked.CompareExchange(ref _pipeline, null, pipeline);

    /// <summary>Where <c>cmf.leader</c> reads whether this replica leads.</summary>
    public void ObserveLeadership(Func<bool> leads) => _leads = leads;

    public void Dispose() => _meter.Dispose();

    public static string ResourceName(ResourceKind kind) => kind switch
    {
        ResourceKind.FlinkDeployment => "flinkdeployments",
        ResourceKind.JobManagerDeployment => "deployments",
        ResourceKind.JobManagerPod => "pods",
        _ => kind.ToString(),
    };

    private IEnumerable<Measurement<int>> Pipeline(Func<IngestPipeline, int> read) =>
        Volatile.Read(ref _pipeline) is { } pipeline ? [new Measurement<int>(read(pipeline))] : [];

    private IEnumerable<Measurement<int>> Leader() =>
        _leads is { } leads ? [new Measurement<int>(leads() ? 1 : 0)] : [];

    private static IEnumerable<Measurement<double>> Lags(WatchHealth watches, TimeProvider time)
    {
        var now = time.GetUtcNow();
        foreach (var watch in watches.Watches)
        {
            if (watch.LastEventAt is { } last)
            {
                yield return new Measurement<double>(
                    Math.Max(0, (now - last).TotalSeconds), new KeyValuePair<string, object?>("watch", watch.Name));
            }
        }
    }
}
