namespace Cmf.Core.Tracking;

/// <summary>
/// The stretch of a cluster's life during which it ran one instance, with the instances it was handed over from and to
/// in place (DESIGN 3.2 rule 3). A cluster never handed over has one stint: its owner, from its start to its end.
/// Derived from the cluster's <see cref="ClusterState.Segments"/> (which store only where each stretch starts); the
/// outcome rules and the pages read clusters through it.
/// </summary>
/// <param name="Until">The hand-over to the next instance, or the cluster's end; null while the instance still runs on it.</param>
public sealed record ClusterStint(
    ClusterState Cluster,
    string InstanceUid,
    DateTimeOffset From,
    DateTimeOffset? Until,
    string? HandedOverFrom,
    string? HandedOverTo)
{
    /// <summary>The cluster ran this instance at <paramref name="time"/>.</summary>
    public bool RanAt(DateTimeOffset time) => From <= time && (Until is not { } until || time < until);

    /// <summary>The cluster's stints, oldest first.</summary>
    public static IReadOnlyList<ClusterStint> Of(ClusterState cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Segments.Count == 0)
        {
            return [new ClusterStint(cluster, cluster.OwnerInstanceUid, cluster.StartedAt, cluster.EndedAt, null, null)];
        }
        var segments = cluster.Segments;
        return [.. segments.Select((segment, i) => new ClusterStint(
            cluster,
            segment.InstanceUid,
            segment.From,
            i + 1 < segments.Count ? segments[i + 1].From : cluster.EndedAt,
            i > 0 ? segments[i - 1].InstanceUid : null,
            i + 1 < segments.Count ? segments[i + 1].InstanceUid : null))];
    }

    /// <summary>The stints of one instance across the application's clusters, oldest first.</summary>
    public static IReadOnlyList<ClusterStint> OfInstance(string instanceUid, IEnumerable<ClusterState> clusters) =>
        [.. clusters.Where(c => c.Ran(instanceUid)).SelectMany(Of).Where(s => s.InstanceUid == instanceUid).OrderBy(s => s.From)];

    /// <summary>From the first stint's start to the last one's end (null while one runs); null without stints.</summary>
    public static (DateTimeOffset From, DateTimeOffset? To)? Span(IReadOnlyList<ClusterStint> stints)
    {
        ArgumentNullException.ThrowIfNull(stints);
        if (stints.Count == 0)
        {
            return null;
        }
        var to = stints.Any(s => s.Until is null) ? null : stints.Max(s => s.Until);
        return (stints.Min(s => s.From), to);
    }
}
