namespace Cmf.Simulator.Store;

/// <summary>
/// The objects of a type as they were when a paged list began, so every page of that list reads the same version
/// (etcd serves a continue from the revision of the first page until that revision is compacted). Bounded: the oldest
/// snapshot is dropped first, and a continue that needs a dropped one is answered as expired.
/// </summary>
internal sealed class ListSnapshots(int capacity = ListSnapshots.DefaultCapacity)
{
    public const int DefaultCapacity = 16;

    private readonly LinkedList<(ResourceType Type, long Version, List<StoredObject> Objects)> _snapshots = new();

    public List<StoredObject>? Find(ResourceType type, long version)
    {
        foreach (var snapshot in _snapshots)
        {
            if (snapshot.Type == type && snapshot.Version == version)
            {
                return snapshot.Objects;
            }
        }
        return null;
    }

    public void Keep(ResourceType type, long version, List<StoredObject> sortedObjects)
    {
        if (Find(type, version) is not null)
        {
            return;
        }
        _snapshots.AddFirst((type, version, sortedObjects));
        while (_snapshots.Count > capacity)
        {
            _snapshots.RemoveLast();
        }
    }

    /// <summary>Forgets the snapshots of a type at or below <paramref name="version"/> (compaction).</summary>
    public void ForgetThrough(ResourceType type, long version)
    {
        for (var node = _snapshots.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Type == type && node.Value.Version <= version)
            {
                _snapshots.Remove(node);
            }
            node = next;
        }
    }
}
