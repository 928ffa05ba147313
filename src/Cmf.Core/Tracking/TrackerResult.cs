using System.Collections.Immutable;
using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>The spec texts of an instance the tracker just created; the state keeps only the hash.</summary>
public sealed record InstanceSpec(string InstanceUid, string EffectiveSpecJson);

/// <summary>The tracker's decision for one observation: the new state and what to record.</summary>
public sealed record TrackerResult(
    ApplicationState Previous,
    ApplicationState State,
    ImmutableList<AppEvent> Events,
    ImmutableList<InstanceSpec> NewInstanceSpecs,
    ImmutableList<string> PrunedInstanceUids)
{
    public static TrackerResult Unchanged(ApplicationState state) => new(state, state, [], [], []);

    public bool HasChanges => !ReferenceEquals(Previous, State) || !Events.IsEmpty;

    /// <summary>Instances that are new or differ from <see cref="Previous"/>.</summary>
    public IEnumerable<InstanceState> ChangedInstances() => Changed(Previous.Instances, State.Instances, i => i.Uid);

    /// <summary>Clusters that are new or differ from <see cref="Previous"/>.</summary>
    public IEnumerable<ClusterState> ChangedClusters() => Changed(Previous.Clusters, State.Clusters, c => c.Uid);

    /// <summary>Snapshots that are new or differ from <see cref="Previous"/>.</summary>
    public IEnumerable<SnapshotState> ChangedSnapshots() => Changed(Previous.Snapshots, State.Snapshots, s => s.Uid);

    /// <summary>Snapshots dropped by retention.</summary>
    public IEnumerable<SnapshotState> RemovedSnapshots()
    {
        var kept = State.Snapshots.Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        return Previous.Snapshots.Where(s => !kept.Contains(s.Uid));
    }

    /// <summary>Clusters dropped together with pruned instances.</summary>
    public IEnumerable<ClusterState> RemovedClusters()
    {
        var kept = State.Clusters.Select(c => c.Uid).ToHashSet(StringComparer.Ordinal);
        return Previous.Clusters.Where(c => !kept.Contains(c.Uid));
    }

    private static IEnumerable<T> Changed<T>(ImmutableList<T> before, ImmutableList<T> after, Func<T, string> key)
        where T : class
    {
        if (ReferenceEquals(before, after))
        {
            yield break;
        }
        var old = before.ToDictionary(key, StringComparer.Ordinal);
        foreach (var item in after)
        {
            if (!old.TryGetValue(key(item), out var previous) || !previous.Equals(item))
            {
                yield return item;
            }
        }
    }
}

/// <summary>Limits the tracker applies (DESIGN 3.2 rule 5).</summary>
public sealed record TrackerSettings(int MaxInstancesPerApplication = 100)
{
    /// <summary>FlinkStateSnapshots kept per application, newest first; the operator deletes old ones, we keep a longer history.</summary>
    public int MaxSnapshotsPerApplication { get; init; } = 100;

    /// <summary>Operator Events remembered per application to ignore re-sends (a relist sends every Event the cluster still holds).</summary>
    public int MaxRememberedOperatorEvents { get; init; } = 200;

    /// <summary>
    /// Slack when placing an operator Event or a snapshot among instances by time: Event times have whole seconds and
    /// the cluster's clock is not ours, so a SpecChanged event may read a little earlier than the instance it created.
    /// </summary>
    public TimeSpan ClockTolerance { get; init; } = TimeSpan.FromSeconds(2);

    public static TrackerSettings Default { get; } = new();

    /// <summary>How long a JobManager Deployment may wait for its FlinkDeployment generation before it is registered anyway.</summary>
    public TimeSpan HeldClusterTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
