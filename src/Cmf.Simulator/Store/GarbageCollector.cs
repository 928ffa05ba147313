using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store;

/// <summary>
/// The cluster's cascading deletion: pods go with the Deployment (or its ReplicaSet) that owns them,
/// and everything in a namespace goes with the namespace.
/// </summary>
internal sealed class GarbageCollector(ResourceStore store)
{
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

    private void DeletePodsOwnedBy(StoredObject deployment)
    {
        var replicaSetPrefix = deployment.Name + "-";
        var (pods, _) = store.List(ResourceTypes.Pods, deployment.Namespace);
        foreach (var pod in pods)
        {
            var owners = pod.ToJsonObject().NodeAt("metadata", "ownerReferences") as JsonArray ?? [];
            var owned = owners.OfType<JsonObject>().Any(o =>
                o.StringAt("uid") == deployment.Uid
                || (o.StringAt("kind") == "ReplicaSet" && (o.StringAt("name")?.StartsWith(replicaSetPrefix, StringComparison.Ordinal) ?? false)));
            if (owned)
            {
                TryDelete(ResourceTypes.Pods, pod.Key);
            }
        }
    }

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var type in ResourceTypes.All.Where(t => t.Namespaced))
        {
            foreach (var obj in store.List(type, ns).Items)
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
            return store.Delete(type, key, preconditions: null, ChangeOrigin.Cluster);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }
}
