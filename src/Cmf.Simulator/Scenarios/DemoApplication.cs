using System.Text.Json.Nodes;

namespace Cmf.Simulator.Scenarios;

/// <summary>One FlinkDeployment of the demo scenario as it is first submitted.</summary>
internal sealed record DemoApplication(string Namespace, string Name, JsonObject Spec, IReadOnlyDictionary<string, string> Annotations)
{
    public JsonObject ToFlinkDeployment()
    {
        var metadata = new JsonObject
        {
            ["name"] = Name,
            ["labels"] = new JsonObject { [SimulatorMetadataKeys.PartOfLabel] = "cmf-demo", ["team"] = Team },
        };
        if (Annotations.Count > 0)
        {
            metadata["annotations"] = new JsonObject([.. Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }
        return new JsonObject { ["metadata"] = metadata, ["spec"] = Spec.DeepClone() };
    }

    private string Team => Name.Split('-')[0];
}
