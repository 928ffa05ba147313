using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>The CPU and memory a FlinkDeployment gives a component (spec.jobManager.resource, or its pod template's requests).</summary>
internal static class FlinkResources
{
    public static double Cpu(JsonObject spec, string component)
    {
        if (spec.NodeAt(component, "resource", "cpu") is JsonValue cpu && cpu.TryGetValue<double>(out var cores))
        {
            return cores;
        }
        return double.TryParse(spec.StringAt(component, "resources", "requests", "cpu"), NumberStyles.Float, CultureInfo.InvariantCulture, out var requested) ? requested : 1.0;
    }

    public static long MemoryBytes(JsonObject spec, string component)
    {
        var text = spec.StringAt(component, "resource", "memory") ?? spec.StringAt(component, "resources", "requests", "memory") ?? "1600m";
        return ParseFlinkMemory(text) ?? 1600L * 1024 * 1024;
    }

    // Flink memory sizes: "2048m" means 2048 MiB, "2g" 2 GiB; Kubernetes-style "2Gi" is accepted too.
    private static long? ParseFlinkMemory(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant().Replace("ib", "", StringComparison.Ordinal).Replace("b", "", StringComparison.Ordinal);
        var digits = trimmed.TakeWhile(char.IsDigit).Count();
        if (!long.TryParse(trimmed[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        return trimmed[digits..].Trim() switch
        {
            "" => amount,
            "k" => amount * 1024,
            "m" => amount * 1024 * 1024,
            "g" => amount * 1024 * 1024 * 1024,
            _ => null,
        };
    }
}
