using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// Maps watched objects to the tracker's observations: each in its environment, through the pure mappers, with the
/// spec cache and the snapshot owners the mappers consult.
/// </summary>
internal sealed class ObjectMapping(EnvironmentDiscovery environments, SnapshotOwners snapshotOwners, bool parallel)
{
    // Below this a list is mapped on the pipeline's thread: handing out the work would cost more than it saves.
    private const int ParallelMappingThreshold = 64;

    private readonly SpecVersionCache _specs = new();

    /// <summary>
    /// Every object of a list mapped, in list order. The environments are resolved one after another (the catalog and
    /// the environments to store are this thread's); the mapping itself is pure and, for a long list, runs on several
    /// threads (<see cref="IngestSettings.ParallelMapping"/>), while the tracker and the writer stay on this one.
    /// </summary>
    public Observation?[] MapListed(ResourceListed listed, List<EnvironmentInfo> newEnvironments)
    {
        var items = listed.Items;
        var resolved = new EnvironmentInfo?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            resolved[i] = environments.EnvironmentOf(items[i], newEnvironments);
        }
        var mapped = new Observation?[items.Count];
        // Events about snapshots are matched to their owners through one shared table (which also keeps the Events
        // still waiting for theirs), so those lists are mapped on this thread. An Event list about FlinkDeployments
        // does not consult it: mapped in parallel, and any Event in it that does ask for a snapshot's owner (a server
        // that ignored the field selector) is mapped again here afterwards, in list order, as the serial loop would.
        if (parallel && items.Count >= ParallelMappingThreshold && listed.Kind != ResourceKind.FlinkStateSnapshotEvent)
        {
            var askedForOwner = new bool[items.Count];
            Parallel.For(0, items.Count, ListParallelism.Options, i => mapped[i] = MapIn(resolved[i], listed.Kind, items[i], deleted: false,
                (_, _, _) =>
                {
                    askedForOwner[i] = true;
                    return null;
                }));
            for (var i = 0; i < items.Count; i++)
            {
                if (askedForOwner[i])
                {
                    mapped[i] = MapIn(resolved[i], listed.Kind, items[i], deleted: false, snapshotOwners.Find);
                }
            }
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                mapped[i] = MapIn(resolved[i], listed.Kind, items[i], deleted: false, snapshotOwners.Find);
            }
        }
        return mapped;
    }

    public Observation? Map(ResourceKind kind, ApiObject item, bool deleted, List<EnvironmentInfo> newEnvironments) =>
        MapIn(environments.EnvironmentOf(item, newEnvironments), kind, item, deleted, snapshotOwners.Find);

    private Observation? MapIn(
        EnvironmentInfo? environment, ResourceKind kind, ApiObject item, bool deleted, Func<string, string, ApiObject, ApplicationKey?> snapshotOwner)
    {
        if (environment is null)
        {
            return null;
        }
        switch (kind)
        {
            case ResourceKind.FlinkStateSnapshot:
                return item.Unreadable is null ? ObservationMapper.MapFlinkStateSnapshot(environment, item.Json, deleted) : null;
            case ResourceKind.FlinkDeploymentEvent or ResourceKind.FlinkStateSnapshotEvent:
                return item.Unreadable is null
                    ? ObservationMapper.MapOperatorEvent(environment, item.Json, deleted, name => snapshotOwner(environment.Namespace, name, item))
                    : null;
        }
        if (item.Unreadable is { } reason && !deleted)
        {
            // Only its identity was read. A deletion needs no more: the mappers read nothing but metadata for one.
            return ObservationMapper.MapUnreadable(environment, kind, item.Json, reason);
        }
        return kind switch
        {
            ResourceKind.FlinkDeployment => ObservationMapper.MapFlinkDeployment(environment, item.Json, deleted, _specs),
            ResourceKind.JobManagerDeployment => ObservationMapper.MapJobManagerDeployment(environment, item.Json, deleted),
            ResourceKind.JobManagerPod => ObservationMapper.MapJobManagerPod(environment, item.Json, deleted),
            _ => null,
        };
    }
}
