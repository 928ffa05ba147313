using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store;

/// <summary>
/// What the API server writes into every Namespace, however it was created: the namespace strategy
/// (pkg/registry/core/namespace/strategy.go, PrepareForCreate and PrepareForUpdate) and the defaulting
/// of pkg/apis/core/v1/defaults.go (SetDefaults_Namespace).
/// </summary>
internal static class NamespaceStrategy
{
    public const string KubernetesFinalizer = "kubernetes";
    public const string ActivePhase = "Active";

    /// <summary>Status is Active whatever the client sent, and spec.finalizers gains "kubernetes".</summary>
    public static void PrepareForCreate(JsonObject ns)
    {
        ns["status"] = new JsonObject { ["phase"] = ActivePhase };
        var spec = ns.GetOrAddObject("spec");
        var finalizers = spec["finalizers"] as JsonArray ?? (JsonArray)(spec["finalizers"] = new JsonArray());
        if (!finalizers.Any(f => (f as JsonValue)?.AsText() == KubernetesFinalizer))
        {
            finalizers.Add(KubernetesFinalizer);
        }
        SetNameLabel(ns);
    }

    /// <summary>spec.finalizers and status keep their stored values: only the finalize and status subresources change them.</summary>
    public static void PrepareForUpdate(JsonObject next, JsonObject current)
    {
        var spec = next.GetOrAddObject("spec");
        if (current.NodeAt("spec", "finalizers") is { } finalizers)
        {
            spec["finalizers"] = finalizers.DeepClone();
        }
        else
        {
            spec.Remove("finalizers");
        }
        if (spec.Count == 0)
        {
            next.Remove("spec");
        }
        next["status"] = current["status"]?.DeepClone();
        if (next["status"] is null)
        {
            next.Remove("status");
        }
        SetNameLabel(next);
    }

    // The label always equals the name, so a label selector can pick namespaces by name.
    private static void SetNameLabel(JsonObject ns)
    {
        var metadata = ns.Metadata();
        if (metadata.StringAt("name") is not { Length: > 0 } name)
        {
            return;
        }
        var labels = metadata.GetOrAddObject("labels");
        labels[SimulatorMetadataKeys.NamespaceNameLabel] = name;
    }
}
