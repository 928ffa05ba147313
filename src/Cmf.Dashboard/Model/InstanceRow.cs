namespace Cmf.Dashboard.Model;

/// <summary>One row of an application's instance table: the instance, the clusters it ran on and the instance before it.</summary>
public sealed record InstanceRow(InstanceSummary Instance, IReadOnlyList<ClusterSummary> Clusters, InstanceRef? Previous)
{
    /// <summary>
    /// Rows for one page of instances. <paramref name="retained"/> is every retained instance (the timeline's), so the
    /// first row of a page still knows its predecessor; <paramref name="clusters"/> are the application's clusters.
    /// </summary>
    public static IReadOnlyList<InstanceRow> For(
        IReadOnlyList<InstanceSummary> page,
        IReadOnlyList<InstanceSummary> retained,
        IReadOnlyList<ClusterSummary> clusters)
    {
        var bySequence = retained.OrderBy(i => i.Sequence).ToList();
        var clustersByOwner = clusters.ToLookup(c => c.OwnerInstanceUid);
        return [.. page.Select(instance =>
        {
            var previous = bySequence.LastOrDefault(i => i.Sequence < instance.Sequence);
            return new InstanceRow(
                instance,
                [.. clustersByOwner[instance.Uid].OrderBy(c => c.StartedAt)],
                previous is null ? null : new InstanceRef(previous.Uid, previous.Sequence));
        })];
    }
}
