using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// The effective spec is the FlinkDeployment's <c>spec</c> as observed (DESIGN 3.1): CMF merges an environment's
/// defaults before it writes the object, and a FlinkDeployment made with kubectl never got them, so the dashboard
/// never merges anything. Canonicalised for hashing and display: null members removed, keys in ordinal order.
/// The input is never changed and the result shares no nodes with it.
/// </summary>
public static class EffectiveSpec
{
    public static JsonObject Of(JsonObject observedSpec)
    {
        ArgumentNullException.ThrowIfNull(observedSpec);
        return Copy(observedSpec);
    }

    // Walks the members in canonical order, so the result is built already sorted and the canonical writers that
    // follow find nothing to sort.
    private static JsonObject Copy(JsonObject obj)
    {
        var result = new JsonObject();
        var members = CanonicalOrder.Rent(obj, out var count);
        try
        {
            foreach (var (key, value) in members.AsSpan(0, count))
            {
                result.Add(key, value is JsonObject child ? Copy(child) : value!.DeepClone());
            }
        }
        finally
        {
            CanonicalOrder.Return(members, count);
        }
        return result;
    }
}
