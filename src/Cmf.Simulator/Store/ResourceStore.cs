using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store.FieldManagement;

namespace Cmf.Simulator.Store;

/// <summary>
/// The simulated etcd plus the API server's storage rules: one monotonic resource version for every
/// type, server-assigned uid and creation time, generation bumps on spec changes only, status
/// subresource separation, finalizers, and a bounded window of watch events per type.
/// </summary>
internal sealed class ResourceStore
{
    /// <summary>Live events a watcher may fall behind by before its stream is closed.</summary>
    public const int DefaultWatchBacklog = 100_000;

    private readonly int _watchBacklog;

    private readonly Lock _gate = new();
    private readonly SimulatorClock _clock;
    private readonly SimulatorRandom _random;
    private readonly Dictionary<ResourceType, Dictionary<ObjectKey, StoredObject>> _objects = [];
    private readonly Dictionary<ResourceType, WatchEventLog> _logs = [];
    private readonly Dictionary<ResourceType, List<WatchSubscription>> _watchers = [];
    private readonly List<Action<StoreChange>> _observers = [];
    private readonly List<StoreIndex> _indexes = [];
    private readonly ListSnapshots _listSnapshots = new();
    private bool _expireNextContinue;
    private long _version;

    public ResourceStore(SimulatorClock clock, SimulatorRandom random, int retainedVersions, int watchBacklog = DefaultWatchBacklog)
    {
        _watchBacklog = watchBacklog;
        _clock = clock;
        _random = random;
        foreach (var type in ResourceTypes.All)
        {
            _objects[type] = [];
            _logs[type] = new WatchEventLog(retainedVersions);
            _watchers[type] = [];
        }
    }

    public long CurrentVersion
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Registers a callback run for every committed change, in resource-version order, under the store's lock: keep it short and never call back into the store.</summary>
    public void AddObserver(Action<StoreChange> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
        }
    }

    /// <summary>
    /// Files every object of <paramref name="type"/>, now and after each change, under the keys <paramref name="keysOf"/> gives
    /// for it (see <see cref="StoreIndex"/>); <see cref="ListIndexed"/> reads the index.
    /// </summary>
    public StoreIndex AddIndex(ResourceType type, Func<StoredObject, IEnumerable<string>> keysOf)
    {
        var index = new StoreIndex(type, keysOf);
        lock (_gate)
        {
            foreach (var obj in _objects[type].Values)
            {
                index.Put(obj);
            }
            _indexes.Add(index);
        }
        return index;
    }

    /// <summary>The live objects filed under any of <paramref name="keys"/> in <paramref name="index"/>, in key order as <see cref="List"/> gives them.</summary>
    public List<StoredObject> ListIndexed(StoreIndex index, params IEnumerable<string> keys)
    {
        List<StoredObject> items;
        lock (_gate)
        {
            var objects = _objects[index.Type];
            items = [.. keys.SelectMany(index.ObjectsAt).Distinct().Select(key => objects[key])];
        }
        items.Sort(ByKey);
        return items;
    }

    public StoredObject? Get(ResourceType type, ObjectKey key)
    {
        lock (_gate)
        {
            return _objects[type].GetValueOrDefault(key);
        }
    }

    public int Count(ResourceType type)
    {
        lock (_gate)
        {
            return _objects[type].Count;
        }
    }

    /// <summary>The objects of a type (in one namespace, or all when <paramref name="inNamespace"/> is null) and the version they were read at.</summary>
    public (List<StoredObject> Items, long Version) List(ResourceType type, string? inNamespace, Func<StoredObject, bool>? filter = null)
    {
        List<StoredObject> items;
        long version;
        lock (_gate)
        {
            items = [.. _objects[type].Values.Where(o => (inNamespace is null || o.Namespace == inNamespace) && (filter is null || filter(o)))];
            version = _version;
        }
        items.Sort(ByKey);
        return (items, version);
    }

    /// <summary>
    /// One page of at most <paramref name="limit"/> objects (0: all), in key order (namespace, name), from the start or
    /// after <paramref name="from"/>. Every page of one list reads the objects as they were at its first page; a
    /// continue whose version was compacted away (or whose snapshot was dropped) throws
    /// <see cref="ResourceVersionExpiredException"/>. <paramref name="countRemaining"/>: say how many objects follow
    /// (the API server does so only for lists without selectors).
    /// </summary>
    public ListPage ListPage(
        ResourceType type, string? inNamespace, Func<StoredObject, bool> filter, int limit, ListContinuation? from, bool countRemaining)
    {
        List<StoredObject> objects;
        long version;
        lock (_gate)
        {
            if (from is null)
            {
                version = _version;
                objects = [.. _objects[type].Values];
                objects.Sort(ByKey);
            }
            else if (_expireNextContinue)
            {
                _expireNextContinue = false;
                ExpiredContinues++;
                _listSnapshots.ForgetThrough(type, from.Version);
                throw new ResourceVersionExpiredException(from.Version, from.Version + 1);
            }
            else
            {
                version = from.Version;
                var expiredThrough = _logs[type].ExpiredThrough;
                var snapshot = version < expiredThrough ? null
                    : _listSnapshots.Find(type, version) ?? (version == _version ? Sorted(_objects[type].Values) : null);
                objects = snapshot ?? throw new ResourceVersionExpiredException(version, Math.Max(expiredThrough, 1));
            }
        }
        var start = 0;
        if (from is not null)
        {
            // The first key after the last one sent: a binary search over the sorted snapshot.
            int lo = 0, hi = objects.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (CompareKeys(objects[mid].Key, from.After) <= 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            start = lo;
        }
        var items = new List<StoredObject>();
        var next = (int?)null;
        for (var i = start; i < objects.Count; i++)
        {
            var candidate = objects[i];
            if ((inNamespace is not null && candidate.Namespace != inNamespace) || !filter(candidate))
            {
                continue;
            }
            if (limit > 0 && items.Count == limit)
            {
                next = i;
                break;
            }
            items.Add(candidate);
        }
        if (next is not { } following)
        {
            return new ListPage(items, version, Next: null, RemainingItemCount: null);
        }
        lock (_gate)
        {
            _listSnapshots.Keep(type, version, objects);
        }
        long? remaining = countRemaining
            ? objects.Skip(following).LongCount(o => inNamespace is null || o.Namespace == inNamespace)
            : null;
        return new ListPage(items, version, new ListContinuation(version, items[^1].Key), remaining);
    }

    private static List<StoredObject> Sorted(IEnumerable<StoredObject> objects)
    {
        List<StoredObject> sorted = [.. objects];
        sorted.Sort(ByKey);
        return sorted;
    }

    private static int ByKey(StoredObject a, StoredObject b) => CompareKeys(a.Key, b.Key);

    private static int CompareKeys(ObjectKey a, ObjectKey b)
    {
        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>
    /// Creates an object. <paramref name="fieldManager"/> names the writer in managedFields; null for the cluster's own
    /// writes (see <see cref="ClusterWriters"/>).
    /// </summary>
    public StoredObject Create(ResourceType type, JsonObject obj, ChangeOrigin origin, string? fieldManager = null)
    {
        var metadata = obj.Metadata();
        var requestedManagedFields = metadata["managedFields"]?.DeepClone();
        metadata.Remove("managedFields");
        var key = KeyOf(type, obj);
        lock (_gate)
        {
            if (type.Namespaced)
            {
                RequireLiveNamespace(key.Namespace);
            }
            if (_objects[type].ContainsKey(key))
            {
                throw ApiException.AlreadyExists(type.GroupResource, key.Name);
            }
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata["uid"] = _random.NewUid();
            metadata["creationTimestamp"] = KubernetesTime.Format(_clock.Now);
            metadata["resourceVersion"] = VersionText(++_version);
            if (type.HasGeneration)
            {
                metadata["generation"] = 1L;
            }
            else
            {
                metadata.Remove("generation");
            }
            if (type == ResourceTypes.Namespaces)
            {
                NamespaceStrategy.PrepareForCreate(obj);
            }
            SetManagedFields(obj, ManagedFieldsUpdate.Apply(
                requestedManagedFields, live: null, obj, fieldManager ?? ClusterWriters.For(type, UpdateTarget.Object, obj), UpdateTarget.Object, type, _clock.Now));
            return Commit(type, WatchEventType.Added, StoredObject.From(type, obj), previous: null, origin);
        }
    }

    /// <summary>Replaces an object or its status; <paramref name="fieldManager"/> as for <see cref="Create"/>.</summary>
    public StoredObject Update(ResourceType type, JsonObject desired, UpdateTarget target, ChangeOrigin origin, string? fieldManager = null)
    {
        var key = KeyOf(type, desired);
        lock (_gate)
        {
            var current = _objects[type].GetValueOrDefault(key) ?? throw ApiException.NotFound(type.GroupResource, key.Name);
            CheckResourceVersion(type, key, current, desired.Metadata()["resourceVersion"], origin);
            var currentObject = current.ToJsonObject();
            var next = target == UpdateTarget.Status ? WithStatusOf(current.ToJsonObject(), desired) : WithServerFieldsOf(type, currentObject, desired);
            if (type == ResourceTypes.Namespaces && target == UpdateTarget.Object)
            {
                NamespaceStrategy.PrepareForUpdate(next, currentObject);
            }
            next.Metadata()["resourceVersion"] = VersionText(current.ResourceVersion);
            // A request without managedFields keeps the live ones (kubectl sends none), so only a real change writes.
            var requestedManagedFields = target == UpdateTarget.Object && ManagerEntry.ReadAll(next.Metadata()["managedFields"]) is not null
                ? next.Metadata()["managedFields"]!.DeepClone().AsArray()
                : null;
            SetManagedFields(next, requestedManagedFields?.DeepClone().AsArray() ?? currentObject.Metadata()["managedFields"]?.DeepClone() as JsonArray ?? []);
            if (JsonEquivalence.AreEquivalent(next, currentObject))
            {
                return current;
            }
            if (next.Metadata()["deletionTimestamp"] is not null && !HasFinalizers(next))
            {
                return Remove(type, current, next, origin);
            }
            SetManagedFields(next, ManagedFieldsUpdate.Apply(
                requestedManagedFields, currentObject, next, fieldManager ?? ClusterWriters.For(type, target, next), target, type, _clock.Now));
            next.Metadata()["resourceVersion"] = VersionText(++_version);
            return Commit(type, WatchEventType.Modified, StoredObject.From(type, next), current, origin);
        }
    }

    /// <summary>Deletes an object, or only marks it terminating while finalizers remain. Returns the object's last state.</summary>
    public StoredObject Delete(ResourceType type, ObjectKey key, DeletePreconditions? preconditions, ChangeOrigin origin)
    {
        lock (_gate)
        {
            var current = _objects[type].GetValueOrDefault(key) ?? throw ApiException.NotFound(type.GroupResource, key.Name);
            if (preconditions?.Uid is { } uid && uid != current.Uid)
            {
                throw ApiException.PreconditionFailed(type.GroupResource, key.Name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }
            if (preconditions?.ResourceVersion is { } rv && rv != current.ResourceVersion)
            {
                throw ApiException.PreconditionFailed(type.GroupResource, key.Name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current.ResourceVersion}");
            }
            var obj = current.ToJsonObject();
            if (!HasFinalizers(obj))
            {
                return Remove(type, current, obj, origin);
            }
            if (current.IsTerminating)
            {
                return current;
            }
            obj.Metadata()["deletionTimestamp"] = KubernetesTime.Format(_clock.Now);
            obj.Metadata()["deletionGracePeriodSeconds"] = 0;
            obj.Metadata()["resourceVersion"] = VersionText(++_version);
            return Commit(type, WatchEventType.Modified, StoredObject.From(type, obj), current, origin);
        }
    }

    /// <summary>Opens a watch: from now with the current objects as ADDED when <paramref name="fromVersion"/> is null or 0, else replaying every retained event after it.</summary>
    public WatchSubscription Watch(ResourceType type, long? fromVersion, Func<StoredObject, bool> filter)
    {
        lock (_gate)
        {
            List<StoreChange>? history = null;
            if (fromVersion is not (null or 0))
            {
                var log = _logs[type];
                history = [];
                if (!log.TryCollectAfter(fromVersion.Value, history))
                {
                    throw new ResourceVersionExpiredException(fromVersion.Value, log.ExpiredThrough + 1);
                }
            }
            // The replay of the window (or the current objects) comes first and does not count against the backlog a
            // watcher may fall behind by, as the API server's cacheWatcher sends its initial events before its buffer.
            var initial = history?.Count ?? _objects[type].Count;
            var subscription = new WatchSubscription(type, filter, _watchBacklog + initial, Unsubscribe);
            if (history is null)
            {
                foreach (var obj in _objects[type].Values.OrderBy(o => o.ResourceVersion))
                {
                    if (filter(obj))
                    {
                        subscription.Write(WatchItem.For(WatchEventType.Added, obj));
                    }
                }
            }
            else
            {
                foreach (var change in history)
                {
                    subscription.Offer(change);
                }
            }
            _watchers[type].Add(subscription);
            return subscription;
        }
    }

    /// <summary>Queues a bookmark behind every event already queued, so its version never runs ahead of them.</summary>
    public void EnqueueBookmark(WatchSubscription subscription)
    {
        lock (_gate)
        {
            subscription.Write(WatchItem.Bookmark(_version));
        }
    }

    /// <summary>Continues of paged lists answered "Expired" because of <see cref="ExpireNextContinue"/>.</summary>
    public int ExpiredContinues { get; private set; }

    /// <summary>The next continue of a paged list finds its version compacted away, as if etcd had compacted past it meanwhile.</summary>
    public void ExpireNextContinue()
    {
        lock (_gate)
        {
            _expireNextContinue = true;
        }
    }

    /// <summary>Forgets the watch history: resuming from any version before now answers "Expired".</summary>
    public void Compact()
    {
        lock (_gate)
        {
            foreach (var (type, log) in _logs)
            {
                log.Compact(_version);
                // A list at the current version can still go on (etcd keeps the compaction revision itself readable).
                _listSnapshots.ForgetThrough(type, _version - 1);
            }
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers[subscription.Type].Remove(subscription);
        }
    }

    private StoredObject Remove(ResourceType type, StoredObject current, JsonObject lastState, ChangeOrigin origin)
    {
        lastState.Metadata()["resourceVersion"] = VersionText(++_version);
        return Commit(type, WatchEventType.Deleted, StoredObject.From(type, lastState), current, origin);
    }

    private StoredObject Commit(ResourceType type, string eventType, StoredObject stored, StoredObject? previous, ChangeOrigin origin)
    {
        if (eventType == WatchEventType.Deleted)
        {
            _objects[type].Remove(stored.Key);
        }
        else
        {
            _objects[type][stored.Key] = stored;
        }
        foreach (var index in _indexes)
        {
            if (index.Type != type)
            {
                continue;
            }
            if (eventType == WatchEventType.Deleted)
            {
                index.Remove(stored.Key);
            }
            else
            {
                index.Put(stored);
            }
        }
        var change = new StoreChange(eventType, stored, previous, origin);
        _logs[type].Append(change);
        foreach (var watcher in _watchers[type])
        {
            watcher.Offer(change);
        }
        foreach (var observer in _observers)
        {
            observer(change);
        }
        return stored;
    }

    private void RequireLiveNamespace(string name)
    {
        var ns = _objects[ResourceTypes.Namespaces].GetValueOrDefault(new ObjectKey("", name))
            ?? throw ApiException.NotFound("namespaces", name);
        if (ns.IsTerminating)
        {
            throw ApiException.Forbidden($"unable to create new content in namespace {name} because it is being terminated");
        }
    }

    private static void CheckResourceVersion(ResourceType type, ObjectKey key, StoredObject current, JsonNode? requested, ChangeOrigin origin)
    {
        var text = requested is JsonValue value ? value.AsText() : null;
        if (string.IsNullOrEmpty(text))
        {
            if (type.RequiresResourceVersionOnUpdate && origin == ChangeOrigin.Client)
            {
                throw Validation.ObjectValidator.Invalid(type, key.Name,
                    [new("FieldValueInvalid", "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
            }
            return;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != current.ResourceVersion)
        {
            throw ApiException.Conflict(type.GroupResource, key.Name);
        }
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject desired)
    {
        if (desired["status"] is { } status)
        {
            current["status"] = status.DeepClone();
        }
        else
        {
            current.Remove("status");
        }
        return current;
    }

    private static JsonObject WithServerFieldsOf(ResourceType type, JsonObject current, JsonObject desired)
    {
        var next = desired.DeepClone().AsObject();
        var metadata = next.Metadata();
        var currentMetadata = current.Metadata();
        foreach (var field in (string[])["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"])
        {
            if (currentMetadata[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }
        if (type.HasStatusSubresource)
        {
            WithStatusOf(next, current);
        }
        if (type.HasGeneration && !JsonEquivalence.AreEquivalent(SpecPart(current), SpecPart(next)))
        {
            metadata["generation"] = (currentMetadata.LongAt("generation") ?? 0) + 1;
        }
        return next;
    }

    // Everything but metadata and status: what a generation counts changes of.
    private static JsonObject SpecPart(JsonObject obj)
    {
        var part = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "status" or "apiVersion" or "kind"))
            {
                part[key] = value?.DeepClone();
            }
        }
        return part;
    }

    private static void SetManagedFields(JsonObject obj, JsonArray entries)
    {
        if (entries.Count == 0)
        {
            obj.Metadata().Remove("managedFields");
        }
        else
        {
            obj.Metadata()["managedFields"] = entries;
        }
    }

    private static bool HasFinalizers(JsonObject obj) => obj.Metadata()["finalizers"] is JsonArray { Count: > 0 };

    private static ObjectKey KeyOf(ResourceType type, JsonObject obj)
    {
        var metadata = obj.Metadata();
        var name = metadata["name"]?.GetValue<string>() ?? "";
        var ns = type.Namespaced ? metadata["namespace"]?.GetValue<string>() ?? "" : "";
        return new ObjectKey(ns, name);
    }

    private static string VersionText(long version) => version.ToString(CultureInfo.InvariantCulture);
}
