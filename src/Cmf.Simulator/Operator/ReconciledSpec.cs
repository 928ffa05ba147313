using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The JSON string in <c>lastReconciledSpec</c> and <c>lastStableSpec</c> (api/utils/SpecUtils.writeSpecWithMeta):
/// <c>{"spec":{dump},"resource_metadata":{"apiVersion":"flink.apache.org/v1beta1","firstDeployment":bool}}</c>. Up to
/// FKO 1.9 the metadata also held <c>"metadata":{"generation":N}</c>; 1.10 dropped it (FLINK-33803, a10fb450).
/// </summary>
internal sealed record ReconciledSpec(JsonObject Spec, bool FirstDeployment, long? Generation = null)
{
    public const string ApiVersion = ResourceTypes.FlinkGroup + "/" + ResourceTypes.FlinkVersion;

    public string Serialize()
    {
        var meta = new JsonObject { ["apiVersion"] = ApiVersion };
        if (Generation is { } generation)
        {
            meta["metadata"] = new JsonObject { ["generation"] = generation };
        }
        meta["firstDeployment"] = FirstDeployment;
        return ApiServerJson.Serialize(new JsonObject { ["spec"] = Spec.DeepClone(), ["resource_metadata"] = meta });
    }

    public static ReconciledSpec? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || ApiServerJson.Parse(json) is not JsonObject wrapper || wrapper["spec"] is not JsonObject spec)
        {
            return null;
        }
        var meta = wrapper["resource_metadata"] as JsonObject;
        return new ReconciledSpec(
            spec.DeepClone().AsObject(),
            meta?.StringAt("firstDeployment") == "true",
            meta?.LongAt("metadata", "generation"));
    }

    public string JobState => JobSpec.StateOf(Spec);

    public string UpgradeMode => JobSpec.UpgradeModeOf(Spec);
}
