using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// One entry of <c>metadata.managedFields</c>: the fields one manager owns through one operation on one
/// subresource (the API server keys entries by manager, operation and subresource), with the API version and the
/// time of its last write that changed something.
/// </summary>
internal sealed record ManagerEntry(string Manager, string Operation, string? Subresource, string ApiVersion, string? Time, FieldSet Fields)
{
    public const string Update = "Update";

    public bool SameWriter(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    /// <summary>The entries of a managedFields list; null when it is absent, empty or not a list of entries.</summary>
    public static List<ManagerEntry>? ReadAll(JsonNode? managedFields)
    {
        if (managedFields is not JsonArray { Count: > 0 } array)
        {
            return null;
        }
        var entries = new List<ManagerEntry>();
        foreach (var node in array)
        {
            if (node is not JsonObject entry)
            {
                return null;
            }
            entries.Add(new ManagerEntry(
                entry.StringAt("manager") ?? "",
                entry.StringAt("operation") ?? Update,
                entry.StringAt("subresource"),
                entry.StringAt("apiVersion") ?? "",
                entry.StringAt("time"),
                FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject)));
        }
        return entries;
    }

    /// <summary>In the field order of metav1.ManagedFieldsEntry.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is not null)
        {
            json["time"] = Time;
        }
        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            json["subresource"] = Subresource;
        }
        return json;
    }
}
