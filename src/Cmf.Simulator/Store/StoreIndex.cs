namespace Cmf.Simulator.Store;

/// <summary>
/// A secondary index over the live objects of one type, as client-go's indexers keep beside an informer's cache:
/// each object is filed under the keys <see cref="KeysOf"/> gives for it, computed once per committed version.
/// The simulated controllers look up "the pods of this Deployment" or "the snapshots of this FlinkDeployment" here
/// instead of reading every object of the namespace on every reconcile, which made a cluster's cost grow with the
/// square of its size. Only the <see cref="ResourceStore"/> updates it, under its lock.
/// </summary>
internal sealed class StoreIndex(ResourceType type, Func<StoredObject, IEnumerable<string>> keysOf)
{
    private readonly Dictionary<string, HashSet<ObjectKey>> _objectsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectKey, string[]> _keysByObject = [];

    public ResourceType Type { get; } = type;

    public Func<StoredObject, IEnumerable<string>> KeysOf { get; } = keysOf;

    /// <summary>The objects filed under <paramref name="key"/> (unordered).</summary>
    public IEnumerable<ObjectKey> ObjectsAt(string key) =>
        _objectsByKey.TryGetValue(key, out var objects) ? objects : [];

    public void Put(StoredObject stored)
    {
        Remove(stored.Key);
        var keys = KeysOf(stored).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return;
        }
        _keysByObject[stored.Key] = keys;
        foreach (var key in keys)
        {
            if (!_objectsByKey.TryGetValue(key, out var objects))
            {
                objects = [];
                _objectsByKey[key] = objects;
            }
            objects.Add(stored.Key);
        }
    }

    public void Remove(ObjectKey objectKey)
    {
        if (!_keysByObject.Remove(objectKey, out var keys))
        {
            return;
        }
        foreach (var key in keys)
        {
            var objects = _objectsByKey[key];
            objects.Remove(objectKey);
            if (objects.Count == 0)
            {
                _objectsByKey.Remove(key);
            }
        }
    }
}
