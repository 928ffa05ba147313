namespace Cmf.Core.Storage.Views;

/// <summary>
/// Where an instance's state came from and went: the savepoint it started from, the one it stopped with, and the
/// FlinkStateSnapshots of its job.
/// </summary>
public sealed record SavepointLineage
{
    /// <summary>The savepoint or checkpoint the job started from; null when it started without state (or it is unknown).</summary>
    public string? StartedFrom { get; init; }

    /// <summary>Where <see cref="StartedFrom"/> was read.</summary>
    public SavepointOrigin StartedFromOrigin { get; init; }

    /// <summary>Sequence of the instance whose stop savepoint it started from.</summary>
    public int? StartedFromSequence { get; init; }

    /// <summary>The savepoint the operator took when it stopped this instance's job (<c>upgradeSavepointPath</c>).</summary>
    public string? StoppedWith { get; init; }

    /// <summary>Snapshots of this instance's job, oldest first.</summary>
    public IReadOnlyList<SnapshotView> Snapshots { get; init; } = [];

    /// <summary>
    /// For an instance whose upgrade waits: the running job's latest savepoints when they failed (since its last good
    /// one), which is what blocks a savepoint upgrade. They belong to the job still running, the previous instance's.
    /// </summary>
    public IReadOnlyList<SnapshotView> BlockingSnapshots { get; init; } = [];
}

public enum SavepointOrigin
{
    None,

    /// <summary>The previous instance's stop savepoint (<c>status.jobStatus.upgradeSavepointPath</c>).</summary>
    PreviousStop,

    /// <summary>The spec's <c>job.initialSavepointPath</c>.</summary>
    InitialSavepointPath,
}
