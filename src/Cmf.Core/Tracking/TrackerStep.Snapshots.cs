using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

internal sealed partial class TrackerStep
{
    /// <summary>
    /// A FlinkStateSnapshot belongs to the instance whose job ran when it was created; later changes (its state, path,
    /// error, failures) update it in place. The oldest beyond the limit are dropped. Snapshots record no event: their
    /// own Kubernetes Events (SavepointError, ...) do. A snapshot seen as it is created is placed by our clock (now),
    /// one that was listed or replayed by its creation time: the cluster's clock need not match ours.
    /// </summary>
    public void ObserveSnapshot(FlinkStateSnapshotResource resource, bool replayed)
    {
        var index = _state.Snapshots.FindIndex(s => s.Uid == resource.Uid);
        if (index >= 0)
        {
            var known = _state.Snapshots[index];
            if (known.Resource == resource with { ResourceVersion = known.Resource.ResourceVersion }
                || !ResourceVersions.IsNewer(resource.ResourceVersion, known.Resource.ResourceVersion))
            {
                return;
            }
            _state = _state with { Snapshots = _state.Snapshots.SetItem(index, known with { Resource = resource }) };
            return;
        }
        var added = new SnapshotState { Resource = resource, InstanceUid = DeployedInstanceAt(replayed ? resource.CreatedAt : _now)?.Uid, SeenAt = _now };
        var snapshots = _state.Snapshots.Add(added).Sort(OldestFirst);
        if (snapshots.Count > _settings.MaxSnapshotsPerApplication)
        {
            snapshots = snapshots.RemoveRange(0, snapshots.Count - _settings.MaxSnapshotsPerApplication);
        }
        _state = _state with { Snapshots = snapshots };
    }

    private static int OldestFirst(SnapshotState a, SnapshotState b)
    {
        var byTime = a.Resource.CreatedAt.CompareTo(b.Resource.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Name, b.Name);
    }
}
