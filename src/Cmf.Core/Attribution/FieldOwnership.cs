using System.Text.Json.Nodes;

namespace Cmf.Core.Attribution;

/// <summary>
/// Reads the FieldsV1 set notation of <c>managedFields</c> (k8s.io/apimachinery managedfields: <c>f:name</c> a field,
/// <c>k:{...}</c> a list item by its keys, <c>v:value</c> a set item, <c>i:n</c> an index, <c>.</c> the node itself;
/// an empty object is a leaf: owned whole).
/// </summary>
internal static class FieldOwnership
{
    /// <summary>Whether <paramref name="owned"/> (a set rooted at <c>spec</c>) owns the spec field at <paramref name="path"/>.</summary>
    public static bool Owns(JsonObject owned, IReadOnlyList<string> path)
    {
        var node = owned;
        foreach (var field in path)
        {
            if (node.Count == 0)
            {
                return true;
            }
            if (node["f:" + field] is not JsonObject child)
            {
                return false;
            }
            node = child;
        }
        return true;
    }

    /// <summary>How many fields a set owns as leaves (bounded by the set's size, which the API server bounds).</summary>
    public static int Leaves(JsonObject owned)
    {
        var count = 0;
        var pending = new Stack<JsonObject>([owned]);
        while (pending.Count > 0)
        {
            foreach (var (key, child) in pending.Pop())
            {
                if (child is JsonObject { Count: > 0 } inner)
                {
                    pending.Push(inner);
                }
                else if (key != ".")
                {
                    count++;
                }
            }
        }
        return count;
    }
}
