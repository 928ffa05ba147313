using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.UnitTests.Attribution;

/// <summary>Builds <c>metadata.managedFields</c> entries from dotted spec paths, as an API server would record them.</summary>
internal sealed class ManagedFieldsBuilder
{
    private readonly JsonArray _entries = [];

    public static ManagedFieldsBuilder New() => new();

    public ManagedFieldsBuilder Entry(string manager, string time, params string[] specPaths) =>
        Add(manager, "Update", subresource: null, time, specPaths);

    public ManagedFieldsBuilder StatusEntry(string manager, string time) =>
        Add(manager, "Update", "status", time, [], status: true);

    public JsonObject Metadata(IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var metadata = new JsonObject { ["name"] = "orders", ["managedFields"] = _entries.DeepClone() };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject([.. labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]);
        }
        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }
        return metadata;
    }

    public static ObjectMetadata Read(JsonObject metadata) =>
        ObjectMetadata.Read(new JsonObject { ["metadata"] = metadata.DeepClone() }).Value!;

    private ManagedFieldsBuilder Add(string manager, string operation, string? subresource, string time, string[] specPaths, bool status = false)
    {
        var fields = new JsonObject();
        foreach (var path in specPaths)
        {
            var node = fields;
            foreach (var segment in ("spec." + path).Split('.'))
            {
                if (node["f:" + segment] is not JsonObject child)
                {
                    child = [];
                    node["f:" + segment] = child;
                }
                node = child;
            }
        }
        if (status)
        {
            fields["f:status"] = new JsonObject { ["f:jobStatus"] = new JsonObject { ["f:state"] = new JsonObject() } };
        }
        var entry = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = fields,
            ["manager"] = manager,
            ["operation"] = operation,
            ["time"] = time,
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }
        _entries.Add(entry);
        return this;
    }
}
