using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>How a savepoint mark is drawn: each by its own shape, not only its colour.</summary>
public enum SnapshotMarkKind
{
    /// <summary>COMPLETED: a filled diamond.</summary>
    Completed,

    /// <summary>FAILED or ABANDONED: a cross.</summary>
    Failed,

    /// <summary>TRIGGER_PENDING, IN_PROGRESS or not yet seen by the operator: a hollow circle.</summary>
    InProgress,
}

/// <summary>One FlinkStateSnapshot drawn on its instance's bar (x in pixels from the plot's left edge, inside the bar).</summary>
public sealed record TimelineSnapshotMark(SnapshotView Snapshot, double X, SnapshotMarkKind Kind);

/// <summary>The marks on one instance bar; <see cref="Omitted"/> older snapshots were left out to keep the bar readable.</summary>
public sealed record TimelineSnapshotLane(TimelineInstanceBar Bar, IReadOnlyList<TimelineSnapshotMark> Marks, int Omitted);

/// <summary>Places savepoint marks on the instance bars of a <see cref="TimelineLayout"/>.</summary>
public static class TimelineSnapshotMarks
{
    /// <summary>Marks drawn per bar at most: the newest ones.</summary>
    public const int MaxPerBar = 50;

    /// <summary>Failed savepoints the blocked-upgrade hint looks back over (as the lineage does).</summary>
    public const int MaxBlocking = 5;

    public static SnapshotMarkKind KindOf(SnapshotView snapshot) =>
        snapshot.Completed ? SnapshotMarkKind.Completed : snapshot.Failed ? SnapshotMarkKind.Failed : SnapshotMarkKind.InProgress;

    /// <summary>
    /// A lane per visible instance bar that has snapshots: each mark at its snapshot's creation time, clamped inside the
    /// bar (a bar clipped by the range keeps its marks at its visible edge), newest <see cref="MaxPerBar"/> kept.
    /// </summary>
    public static IReadOnlyList<TimelineSnapshotLane> Place(TimelineLayout layout, IReadOnlyList<SnapshotView> snapshots)
    {
        var byInstance = snapshots
            .Where(s => s.InstanceUid is not null)
            .GroupBy(s => s.InstanceUid!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lanes = new List<TimelineSnapshotLane>();
        foreach (var bar in layout.Instances)
        {
            if (!byInstance.TryGetValue(bar.Instance.Uid, out var own))
            {
                continue;
            }
            var newest = own
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Name, StringComparer.Ordinal)
                .Take(MaxPerBar)
                .Reverse()
                .Select(s => new TimelineSnapshotMark(s, Clamp(X(layout, s.CreatedAt), bar), KindOf(s)))
                .ToList();
            lanes.Add(new TimelineSnapshotLane(bar, newest, own.Count - newest.Count));
        }
        return lanes;
    }

    /// <summary>
    /// What blocks a savepoint upgrade: the running job's latest savepoints when they failed since its last good one,
    /// oldest first (the lineage's BlockingSnapshots, from the snapshots the timeline has).
    /// </summary>
    public static IReadOnlyList<SnapshotView> Blocking(IReadOnlyList<SnapshotView> snapshots) =>
        [.. snapshots
            .Where(s => s.SnapshotType == "SAVEPOINT")
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Name, StringComparer.Ordinal)
            .Take(MaxBlocking)
            .TakeWhile(s => s.Failed)
            .Reverse()];

    private static double X(TimelineLayout layout, DateTimeOffset time) =>
        (time - layout.Range.From) / layout.Range.Duration * layout.Width;

    private static double Clamp(double x, TimelineInstanceBar bar) => Math.Clamp(x, bar.X, bar.X + bar.Width);
}
