using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// The field paths of an object and what a write changed, as the API server's field manager sees them: apiVersion,
/// kind, metadata itself and the server-set metadata fields are never owned (apimachinery's stripMeta manager);
/// <c>metadata.finalizers</c> is a set and <c>metadata.ownerReferences</c> a list keyed by uid, as ObjectMeta's schema
/// says; every other list is atomic, a custom resource's default without <c>x-kubernetes-list-type</c> (a built-in
/// type's keyed lists, such as a pod's containers, are owned whole here: a simplification). Paths end at
/// <see cref="MaxPathDepth"/> fields, below which a value is owned whole: a real FlinkDeployment nests 16 levels at
/// most, and it keeps the entries of a hostile deep object (10,000 levels) from being deeper than the object itself,
/// which clients could no longer decode.
/// </summary>
internal static class FieldPaths
{
    public const int MaxPathDepth = 32;

    private static readonly HashSet<string> ServerMetadata =
        ["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"];

    /// <summary>Every path of the object within the part a write owns.</summary>
    public static FieldSet Of(JsonObject obj, WriteScope scope)
    {
        var set = new FieldSet();
        foreach (var (key, value) in obj)
        {
            if (!InScope(key, scope) || value is null)
            {
                continue;
            }
            if (key == "metadata" && value is JsonObject metadata)
            {
                var node = set.Child("f:metadata");
                foreach (var (field, fieldValue) in metadata)
                {
                    if (!ServerMetadata.Contains(field) && fieldValue is not null)
                    {
                        Add(node.Child("f:" + field), fieldValue, ListKindOf(field), depth: 2);
                    }
                }
            }
            else
            {
                Add(set.Child("f:" + key), value, ListKind.Atomic, depth: 1);
            }
        }
        set.Prune();
        return set;
    }

    /// <summary>The paths a write added or modified, and those it removed.</summary>
    public static (FieldSet Changed, FieldSet Removed) Diff(JsonObject live, JsonObject next, WriteScope scope)
    {
        var changed = new FieldSet();
        var removed = new FieldSet();
        foreach (var key in Keys(live, next))
        {
            if (!InScope(key, scope))
            {
                continue;
            }
            if (key == "metadata")
            {
                var (before, after) = (live["metadata"] as JsonObject, next["metadata"] as JsonObject);
                foreach (var field in Keys(before, after))
                {
                    if (!ServerMetadata.Contains(field))
                    {
                        DiffAt(before?[field], after?[field], ListKindOf(field), "f:" + field, changed.Child("f:metadata"), removed.Child("f:metadata"), depth: 2);
                    }
                }
            }
            else
            {
                DiffAt(live[key], next[key], ListKind.Atomic, "f:" + key, changed, removed, depth: 1);
            }
        }
        changed.Prune();
        removed.Prune();
        return (changed, removed);
    }

    private static bool InScope(string key, WriteScope scope) => key is not ("apiVersion" or "kind") && scope switch
    {
        WriteScope.Status => key == "status",
        WriteScope.ObjectWithoutStatus => key != "status",
        _ => true,
    };

    private static void Add(FieldSet node, JsonNode value, ListKind listKind, int depth)
    {
        node.Member = true;
        if (depth >= MaxPathDepth)
        {
            return;
        }
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Add(node.Child("f:" + key), child, ListKind.Atomic, depth + 1);
                    }
                }
                break;
            case JsonArray array when listKind != ListKind.Atomic:
                foreach (var (itemKey, item) in Items(array, listKind))
                {
                    Add(node.Child(itemKey), item, ListKind.Atomic, depth + 1);
                }
                break;
        }
    }

    private static void DiffAt(JsonNode? live, JsonNode? next, ListKind listKind, string key, FieldSet changed, FieldSet removed, int depth)
    {
        switch (live, next)
        {
            case (null, null):
                return;
            case (null, _):
                Add(changed.Child(key), next!, listKind, depth);
                return;
            case (_, null):
                Add(removed.Child(key), live!, listKind, depth);
                return;
            case (JsonObject before, JsonObject after) when depth < MaxPathDepth:
                foreach (var field in Keys(before, after))
                {
                    DiffAt(before[field], after[field], ListKind.Atomic, "f:" + field, changed.Child(key), removed.Child(key), depth + 1);
                }
                return;
            case (JsonArray before, JsonArray after) when listKind != ListKind.Atomic && depth < MaxPathDepth:
                var (beforeItems, afterItems) = (Items(before, listKind), Items(after, listKind));
                foreach (var itemKey in beforeItems.Keys.Union(afterItems.Keys, StringComparer.Ordinal))
                {
                    DiffAt(beforeItems.GetValueOrDefault(itemKey), afterItems.GetValueOrDefault(itemKey), ListKind.Atomic, itemKey, changed.Child(key), removed.Child(key), depth + 1);
                }
                return;
            default:
                if (JsonEquivalence.AreEquivalent(live, next))
                {
                    return;
                }
                // A value of another kind: the new one is owned whole, the old one's inner fields are gone.
                Add(changed.Child(key), next, listKind, depth);
                if (live is JsonObject or JsonArray)
                {
                    var gone = removed.Child(key);
                    Add(gone, live, listKind, depth);
                    gone.Member = false;
                }
                return;
        }
    }

    private static Dictionary<string, JsonNode> Items(JsonArray array, ListKind listKind)
    {
        var items = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            var itemKey = listKind switch
            {
                ListKind.Set when item is JsonValue => "v:" + item.ToJsonString(),
                ListKind.KeyedByUid when (item as JsonObject)?.StringAt("uid") is { } uid => "k:" + new JsonObject { ["uid"] = uid }.ToJsonString(),
                _ => null,
            };
            if (itemKey is not null)
            {
                items[itemKey] = item!;
            }
        }
        return items;
    }

    private static ListKind ListKindOf(string metadataField) => metadataField switch
    {
        "finalizers" => ListKind.Set,
        "ownerReferences" => ListKind.KeyedByUid,
        _ => ListKind.Atomic,
    };

    private static IEnumerable<string> Keys(JsonObject? a, JsonObject? b) =>
        (a?.Select(p => p.Key) ?? []).Union(b?.Select(p => p.Key) ?? [], StringComparer.Ordinal);

    private enum ListKind
    {
        Atomic,
        Set,
        KeyedByUid,
    }
}
