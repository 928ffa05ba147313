using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>
/// One row of an application's instance table: the instance, its outcome, the clusters it ran on (with hand-overs)
/// and the instance before it.
/// </summary>
public sealed record InstanceRow(InstanceState Instance, InstanceOutcome Outcome, IReadOnlyList<ClusterStint> Stints, InstanceReference? Previous)
{
    /// <summary>
    /// Rows for one page of instances. The history holds every retained instance (the timeline's), so the first row of a
    /// page still knows its predecessor, and the application's clusters.
    /// </summary>
    public static IReadOnlyList<InstanceRow> For(IReadOnlyList<InstanceState> page, ApplicationHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var bySequence = history.Instances.OrderBy(i => i.Sequence).ToList();
        return [.. page.Select(instance =>
        {
            var previous = bySequence.LastOrDefault(i => i.Sequence < instance.Sequence);
            return new InstanceRow(
                instance,
                InstanceOutcome.For(instance, history, now),
                ClusterStint.OfInstance(instance.Uid, history.Clusters),
                previous is null ? null : new InstanceReference(previous.Uid, previous.Sequence));
        })];
    }
}
