using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The JSON strings in status.reconciliationStatus.lastReconciledSpec and lastStableSpec:
/// <c>{"spec":{...},"resource_metadata":{"apiVersion":"flink.apache.org/v1beta1","metadata":{"generation":N},"firstDeployment":bool}}</c>.
/// </summary>
internal sealed record SpecWithMeta(JsonObject Spec, long Generation, bool FirstDeployment)
{
    public string Serialize() => new JsonObject
    {
        ["spec"] = Spec.DeepClone(),
        ["resource_metadata"] = new JsonObject
        {
            ["apiVersion"] = $"{ResourceTypes.FlinkGroup}/{ResourceTypes.FlinkVersion}",
            ["metadata"] = new JsonObject { ["generation"] = Generation },
            ["firstDeployment"] = FirstDeployment,
        },
    }.ToJsonString();

    public static SpecWithMeta? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject wrapper || wrapper["spec"] is not JsonObject spec)
        {
            return null;
        }
        var meta = wrapper["resource_metadata"] as JsonObject;
        return new SpecWithMeta(
            spec.DeepClone().AsObject(),
            meta?.LongAt("metadata", "generation") ?? 0,
            meta?.StringAt("firstDeployment") == "true");
    }
}
