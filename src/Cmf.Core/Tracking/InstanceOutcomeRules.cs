using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>
/// The one definition of an instance's outcome (current, pending, blocked, stopped, superseded in place, rolled back,
/// reverted, never deployed, ...). Pure and independent of the clock: the tracker stores the result on each instance,
/// the pages apply the same rules to the history they read, and only the wording (Dashboard) depends on the time.
/// </summary>
public static class InstanceOutcomeRules
{
    /// <summary>The outcome of one instance of <paramref name="history"/>.</summary>
    public static InstanceOutcomeFacts Of(InstanceState instance, OutcomeHistory history)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(history);
        return new Reader(history).Of(instance);
    }

    /// <summary>The outcome of every instance of <paramref name="history"/>, by UID.</summary>
    public static Dictionary<string, InstanceOutcomeFacts> OfAll(OutcomeHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var reader = new Reader(history);
        return history.Instances.ToDictionary(i => i.Uid, reader.Of, StringComparer.Ordinal);
    }

    /// <summary>The state with each instance's <see cref="InstanceState.Outcome"/> brought up to date (the same object when none changed).</summary>
    public static ApplicationState Apply(ApplicationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var outcomes = OfAll(OutcomeHistory.Of(state));
        var instances = state.Instances;
        for (var index = 0; index < instances.Count; index++)
        {
            var instance = instances[index];
            var outcome = outcomes[instance.Uid];
            if (!Equals(instance.Outcome, outcome))
            {
                instances = instances.SetItem(index, instance with { Outcome = outcome });
            }
        }
        return ReferenceEquals(instances, state.Instances) ? state : state with { Instances = instances };
    }

    private sealed class Reader
    {
        private readonly OutcomeHistory _history;
        private readonly Dictionary<string, InstanceState> _instances;
        private readonly ILookup<string, ClusterStint> _stints;

        public Reader(OutcomeHistory history)
        {
            _history = history;
            _instances = new Dictionary<string, InstanceState>(StringComparer.Ordinal);
            foreach (var instance in history.Instances)
            {
                _instances.TryAdd(instance.Uid, instance);
            }
            _stints = history.Clusters.SelectMany(ClusterStint.Of).OrderBy(s => s.From).ToLookup(s => s.InstanceUid, StringComparer.Ordinal);
        }

        public InstanceOutcomeFacts Of(InstanceState instance)
        {
            if (instance.Uid == _history.PendingInstanceUid)
            {
                return new(instance.Uid == _history.BlockedInstanceUid ? InstanceOutcomeKind.UpgradeBlocked : InstanceOutcomeKind.Pending);
            }
            if (instance.Stop != InstanceStop.None && instance.JobState is JobState.Finished or JobState.Canceled)
            {
                // Before current: a savepoint suspend keeps the stopped job's cluster until its TTL, and an upgrade stops the job before its cluster goes.
                return new(InstanceOutcomeKind.Stopped);
            }
            if (instance.Uid == _history.CurrentInstanceUid)
            {
                return new(InstanceOutcomeKind.Current);
            }
            var stints = _stints[instance.Uid].ToList();
            if (stints.LastOrDefault(s => s.HandedOverTo is not null) is { HandedOverTo: { } newer } handedOver)
            {
                return Naming(InstanceOutcomeKind.SupersededInPlace, newer) with { At = handedOver.Until };
            }
            if (RollbackAfter(instance) is { } rollback)
            {
                return Naming(InstanceOutcomeKind.RolledBack, FirstInstanceOf(rollback)) with { ClusterUid = rollback.Uid, At = rollback.StartedAt };
            }
            if (instance.LifecycleState == LifecycleState.Suspended && instance.JobState is null && instance.ReconciledAt is not null)
            {
                return new(InstanceOutcomeKind.Suspended);
            }
            if (stints.Count == 0)
            {
                return NoCluster(instance);
            }
            if (instance.JobState is JobState.Finished or JobState.Failed or JobState.Canceled)
            {
                return new(InstanceOutcomeKind.JobEnded);
            }
            if (instance.SupersededAt is not null)
            {
                var next = _history.Instances.Where(i => i.Sequence > instance.Sequence).MinBy(i => i.Sequence);
                return next is null ? new(InstanceOutcomeKind.Superseded) : Naming(InstanceOutcomeKind.Superseded, next.Uid);
            }
            return new(InstanceOutcomeKind.NotRunning);
        }

        private InstanceOutcomeFacts Naming(InstanceOutcomeKind kind, string instanceUid) =>
            new(kind) { InstanceUid = instanceUid, InstanceSequence = _instances.GetValueOrDefault(instanceUid)?.Sequence };

        /// <summary>A cluster of a rollback that started while this instance was the latest and runs an older one.</summary>
        private ClusterState? RollbackAfter(InstanceState instance) =>
            _history.Clusters.LastOrDefault(c =>
                c.OwnerSource == ClusterOwnerSource.Rollback
                && c.StartedAt >= instance.CreatedAt
                && (instance.SupersededAt is not { } superseded || c.StartedAt < superseded)
                && _instances.GetValueOrDefault(FirstInstanceOf(c)) is { } target
                && target.Sequence < instance.Sequence);

        private InstanceOutcomeFacts NoCluster(InstanceState instance)
        {
            if (instance.ReconciledAt is { } reconciled && RevertedTo(instance, reconciled) is { } earlier)
            {
                return Naming(InstanceOutcomeKind.Reverted, earlier.Uid);
            }
            if (instance.ReconciledAt is not null && instance.SupersededAt is null)
            {
                return new(InstanceOutcomeKind.Deploying);
            }
            return new(InstanceOutcomeKind.NeverDeployed);
        }

        /// <summary>An older instance with the same spec that was running when the operator reconciled this one.</summary>
        private InstanceState? RevertedTo(InstanceState instance, DateTimeOffset reconciledAt) =>
            instance.SpecHash is not { } hash
                ? null
                : _history.Instances
                    .Where(i => i.Sequence < instance.Sequence && i.SpecHash == hash)
                    .OrderByDescending(i => i.Sequence)
                    .FirstOrDefault(i => _stints[i.Uid].Any(s => s.RanAt(reconciledAt)));

        private static string FirstInstanceOf(ClusterState cluster) =>
            cluster.Segments.Count == 0 ? cluster.OwnerInstanceUid : cluster.Segments[0].InstanceUid;
    }

    /// <summary>
    /// The fields of an instance these rules read, kept beside them so the two cannot drift: equal inputs mean the
    /// rules need not run again (<see cref="TrackerStep"/> skips them on a status write that moves none).
    /// </summary>
    internal static object InputsOf(InstanceState i) =>
        (i.Uid, i.Sequence, i.SpecHash, i.CreatedAt, i.SupersededAt, i.ReconciledAt, i.JobState, i.LifecycleState, i.Stop);

    /// <summary>The fields of a cluster these rules read (through <see cref="ClusterStint"/>); a new segment list counts as a move.</summary>
    internal static object InputsOf(ClusterState c) =>
        (c.Uid, c.OwnerInstanceUid, c.Segments, c.OwnerSource, c.StartedAt, c.EndedAt);
}
