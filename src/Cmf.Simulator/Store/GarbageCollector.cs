using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store;

/// <summary>
/// The cluster's cascading deletion: pods go with the Deployment (or its ReplicaSet) that owns them,
/// and everything in a namespace goes with the namespace.
/// </summary>
internal sealed class GarbageCollector
{
    private readonly ResourceStore _store;
    private readonly StoreIndex _podsByOwner;

    public GarbageCollector(ResourceStore store)
    {
        _store = store;
        _podsByOwner = store.AddIndex(ResourceTypes.Pods, OwnerKeys);
    }

    public void CollectAfterDeletion(StoredObject deleted)
    {
        if (deleted.Type == ResourceTypes.Deployments)
        {
            DeletePodsOwnedBy(deleted);
        }
        else if (deleted.Type == ResourceTypes.Namespaces)
        {
            DeleteNamespaceContents(deleted.Name);
        }
    }

    // A pod goes with the Deployment whose uid it names as owner, or whose name followed by "-" starts the name of its
    // owning ReplicaSet (a Deployment's ReplicaSets are named <deployment>-<hash>).
    private void DeletePodsOwnedBy(StoredObject deployment)
    {
        var pods = _store.ListIndexed(_podsByOwner,
            OwnerUidKey(deployment.Namespace, deployment.Uid), ReplicaSetPrefixKey(deployment.Namespace, deployment.Name + "-"));
        foreach (var pod in pods)
        {
            TryDelete(ResourceTypes.Pods, pod.Key);
        }
    }

    /// <summary>
    /// A pod's keys: each owner's uid, and every prefix of an owning ReplicaSet's name that ends with "-", so that the
    /// prefix test of <see cref="DeletePodsOwnedBy"/> is one lookup.
    /// </summary>
    private static IEnumerable<string> OwnerKeys(StoredObject pod)
    {
        var owners = pod.ToJsonObject().NodeAt("metadata", "ownerReferences") as JsonArray ?? [];
        foreach (var owner in owners.OfType<JsonObject>())
        {
            if (owner.StringAt("uid") is { } uid)
            {
                yield return OwnerUidKey(pod.Namespace, uid);
            }
            if (owner.StringAt("kind") == "ReplicaSet" && owner.StringAt("name") is { } name)
            {
                for (var dash = name.IndexOf('-', StringComparison.Ordinal); dash >= 0; dash = name.IndexOf('-', dash + 1))
                {
                    yield return ReplicaSetPrefixKey(pod.Namespace, name[..(dash + 1)]);
                }
            }
        }
    }

    private static string OwnerUidKey(string ns, string uid) => $"uid:{ns}/{uid}";

    private static string ReplicaSetPrefixKey(string ns, string prefix) => $"replicaset-prefix:{ns}/{prefix}";

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var type in ResourceTypes.All.Where(t => t.Namespaced))
        {
            foreach (var obj in _store.List(type, ns).Items)
            {
                if (TryDelete(type, obj.Key) is { } deleted)
                {
                    CollectAfterDeletion(deleted);
                }
            }
        }
    }

    private StoredObject? TryDelete(ResourceType type, ObjectKey key)
    {
        try
        {
            return _store.Delete(type, key, preconditions: null, ChangeOrigin.Cluster);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }
}
