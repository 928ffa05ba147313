using System.Diagnostics.Metrics;
using Cmf.Core.Feed;
using Cmf.Core.Kubernetes;

namespace Cmf.Core.Telemetry;

/// <summary>
/// Every instrument of the dashboard's own meter. Counters and histograms are recorded where things happen; gauges are
/// read when a scrape asks, from state that is already at hand (no store query per scrape).
/// </summary>
public sealed class CmfMetrics : IWatchMetrics, IDisposable
{
    public const string MeterName = "Cmf.Dashboard";

    // Commits take milliseconds to seconds; the SDK's default buckets are for milliseconds.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] SizeBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500];

    private readonly Meter _meter;
    private readonly long[] _watchEvents = new long[Enum.GetValues<ResourceKind>().Length];
    private readonly Counter<long> _watchRestarts;
    private readonly Counter<long> _watchRelists;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private long _commitFailures;
    private long _prunedInstances;
    private long _circuits;
    private long _hubConnections;
    private IIngestGauges? _pipeline;
    private Func<bool>? _leads;

    public CmfMetrics(IMeterFactory meters, WatchHealth watches, ChangeFeed feed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        _meter = meters.Create(MeterName);
        // Observable where the value is a plain sum: reported from the first scrape (zeros included), however late the
        // exporter started listening, so rate(), increase() and the alerts always have a series.
        _meter.CreateObservableCounter("cmf.watch.events", WatchEvents, "{event}", "Watch events (ADDED, MODIFIED, DELETED) received, by resource.");
        _watchRestarts = _meter.CreateCounter<long>("cmf.watch.restarts", "{restart}", "Watches restarted after an error or a silent watchdog period.");
        _watchRelists = _meter.CreateCounter<long>("cmf.watch.relists", "{relist}", "Full relists (410 Gone, a failed commit, a stored position ahead of the server).");
        _batchSize = _meter.CreateHistogram<int>(
            "cmf.ingest.batch.size", "{result}", "Tracker results per committed batch.", tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = SizeBuckets });
        _commitDuration = _meter.CreateHistogram<double>(
            "cmf.ingest.commit.duration", "s", "Duration of one batch's store transaction.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _meter.CreateObservableCounter("cmf.ingest.commit.failures", () => Interlocked.Read(ref _commitFailures), "{failure}", "Batches whose commit failed (the pipeline relists).");
        _meter.CreateObservableCounter("cmf.instances.pruned", () => Interlocked.Read(ref _prunedInstances), "{instance}", "Instances pruned by retention.");
        _meter.CreateObservableUpDownCounter("cmf.circuits", () => Interlocked.Read(ref _circuits), "{circuit}", "Open Blazor circuits.");
        _meter.CreateObservableUpDownCounter("cmf.hub.connections", () => Interlocked.Read(ref _hubConnections), "{connection}", "Open status hub connections.");
        _meter.CreateObservableGauge("cmf.watch.lag", () => Lags(watches, time), "s", "Seconds since a watch's last event or bookmark.");
        _meter.CreateObservableGauge("cmf.ingest.queue.depth", () => Pipeline(p => p.QueuedSignals), "{signal}", "Watch signals waiting for the pipeline.");
        _meter.CreateObservableGauge("cmf.applications", () => Pipeline(p => p.StoredApplications), "{application}", "Applications the ingesting replica holds.");
        _meter.CreateObservableGauge("cmf.instances", () => Pipeline(p => p.StoredInstances), "{instance}", "Retained instances the ingesting replica holds.");
        _meter.CreateObservableGauge("cmf.feed.subscribers", () => feed.SubscriberCount, "{subscriber}", "Live pages and hub topics subscribed to the change feed.");
        _meter.CreateObservableGauge("cmf.leader", Leader, "{replica}", "1 while this replica writes (always, without high availability), else 0.");
    }

    public void WatchEvent(ResourceKind kind) => Interlocked.Increment(ref _watchEvents[(int)kind]);

    public void WatchRestarted(string watch) => _watchRestarts.Add(1, new KeyValuePair<string, object?>("watch", watch));

    public void WatchRelisted(string watch) => _watchRelists.Add(1, new KeyValuePair<string, object?>("watch", watch));

    public void BatchCommitted(int results, TimeSpan duration, int prunedInstances)
    {
        _batchSize.Record(results);
        _commitDuration.Record(duration.TotalSeconds);
        Interlocked.Add(ref _prunedInstances, prunedInstances);
    }

    public void CommitFailed() => Interlocked.Increment(ref _commitFailures);

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void HubConnected() => Interlocked.Increment(ref _hubConnections);

    public void HubDisconnected() => Interlocked.Decrement(ref _hubConnections);

    /// <summary>The pipeline now ingesting; its queue and counts are reported until it detaches.</summary>
    public void Attach(IIngestGauges pipeline) => Volatile.Write(ref _pipeline, pipeline);

    public void Detach(IIngestGauges pipeline) => Interlocked.CompareExchange(ref _pipeline, null, pipeline);

    /// <summary>Where <c>cmf.leader</c> reads whether this replica leads.</summary>
    public void ObserveLeadership(Func<bool> leads) => _leads = leads;

    public void Dispose() => _meter.Dispose();

    public static string ResourceName(ResourceKind kind) => kind switch
    {
        ResourceKind.FlinkDeployment => "flinkdeployments",
        ResourceKind.JobManagerDeployment => "deployments",
        ResourceKind.JobManagerPod => "pods",
        ResourceKind.FlinkStateSnapshot => "flinkstatesnapshots",
        ResourceKind.FlinkDeploymentEvent => "events/flinkdeployment",
        ResourceKind.FlinkStateSnapshotEvent => "events/flinkstatesnapshot",
        _ => kind.ToString(),
    };

    private IEnumerable<Measurement<long>> WatchEvents() =>
        Enum.GetValues<ResourceKind>().Select(kind => new Measurement<long>(
            Interlocked.Read(ref _watchEvents[(int)kind]), new KeyValuePair<string, object?>("resource", ResourceName(kind))));

    private IEnumerable<Measurement<int>> Pipeline(Func<IIngestGauges, int> read) =>
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
