using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>Sizes and limits of the ingest pipeline.</summary>
public sealed record IngestSettings(TrackerSettings Tracker, int MaxBatchSize = 500, int InputCapacity = 1_000)
{
    /// <summary>
    /// Signals are held this long and then applied in resourceVersion order, so a FlinkDeployment change and the
    /// Deployment changes it caused, arriving on separate watches, are applied in the order they happened.
    /// </summary>
    public TimeSpan ReorderWindow { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Map the objects of a long list (parse, read, canonicalise and hash each spec) on several threads. The result is
    /// the same either way; off, everything runs on the pipeline's one thread.
    /// </summary>
    public bool ParallelMapping { get; init; } = true;

    /// <summary>
    /// At a first start, apply a scope's FlinkDeployment list before its JobManager Deployment and pod lists and its
    /// FlinkDeployment Event list (which arrive first), so each application is written once with its cluster instead
    /// of first as a held cluster and then again, and its Events are filed under the instances they happened in. The
    /// clusters are the same either way; off, signals are applied as they come.
    /// </summary>
    public bool FlinkDeploymentListFirst { get; init; } = true;

    /// <summary>
    /// Map and track the next batch while the current one commits (at most one commit in flight, commits in order). The
    /// store is the same either way; off, each batch is committed before the next is read.
    /// </summary>
    public bool OverlapCommits { get; init; } = true;

    /// <summary>After a failed commit, wait this long before going on, so a broken disk does not spin.</summary>
    public TimeSpan FailurePause { get; init; } = TimeSpan.FromSeconds(1);
}
