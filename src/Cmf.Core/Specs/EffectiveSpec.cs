using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// Environment defaults deep-merged under a submitted spec (DESIGN 3.1): the submitted value wins,
/// objects merge key by key, arrays and scalars replace. A null in the submitted spec means "not set"
/// (the operator writes every unset field as null in <c>lastReconciledSpec</c>), so the default shows
/// through and the result holds no null members (nulls inside arrays are array elements and stay).
/// The inputs are never changed; the result shares no nodes with them and lists its keys in canonical
/// order.
/// </summary>
public static class EffectiveSpec
{
    public static JsonObject Build(JsonObject? environmentDefaults, JsonObject submittedSpec)
    {
        ArgumentNullException.ThrowIfNull(submittedSpec);
        return Merge(DefaultsSpec(environmentDefaults), submittedSpec);
    }

    /// <summary>
    /// The <c>spec</c> of an environment's defaults (a partial FlinkDeployment), or null when there is
    /// none. A <c>spec</c> that is not an object is ignored here; <see cref="ValidateDefaults"/> reports it.
    /// </summary>
    public static JsonObject? DefaultsSpec(JsonObject? environmentDefaults) => environmentDefaults?["spec"] as JsonObject;

    /// <summary>A copy without null members, its keys in canonical order: cheaper to seal and write than a plain clone.</summary>
    internal static JsonObject CanonicalCopy(JsonObject obj) => Merge(null, obj);

    /// <summary>A message naming what is wrong with an environment's defaults, or null when they can be used.</summary>
    public static string? ValidateDefaults(JsonObject? environmentDefaults)
    {
        var fields = new JsonFieldReader();
        fields.Object(environmentDefaults, "", "metadata");
        fields.Object(environmentDefaults, "", "spec");
        return fields.Error;
    }

    // Walks both objects' members in canonical order, so the result is built already sorted and the
    // canonical writers that follow find nothing to sort.
    private static JsonObject Merge(JsonObject? defaults, JsonObject submitted)
    {
        var result = new JsonObject();
        var over = CanonicalOrder.Rent(submitted, out var overCount);
        var under = CanonicalOrder.Rent(defaults, out var underCount);
        try
        {
            var (i, j) = (0, 0);
            while (i < overCount || j < underCount)
            {
                var order = i == overCount ? 1 : j == underCount ? -1 : string.CompareOrdinal(over[i].Key, under[j].Key);
                var (key, value) = order <= 0 ? over[i] : under[j];
                var fallback = order == 0 ? under[j].Value : null;
                i += order <= 0 ? 1 : 0;
                j += order >= 0 ? 1 : 0;
                result.Add(key, value is JsonObject obj ? Merge(fallback as JsonObject, obj) : value!.DeepClone());
            }
        }
        finally
        {
            CanonicalOrder.Return(over, overCount);
            CanonicalOrder.Return(under, underCount);
        }
        return result;
    }
}
