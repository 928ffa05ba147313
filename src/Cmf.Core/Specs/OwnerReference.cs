using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>One entry of <c>metadata.ownerReferences</c>: the object that owns this one.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid)
{
    /// <summary>Reads <c>metadata.ownerReferences</c>; a reference that lacks one of its required fields is a problem of <paramref name="fields"/>.</summary>
    internal static IReadOnlyList<OwnerReference> ReadAll(JsonObject? metadata, JsonFieldReader fields)
    {
        var node = metadata?["ownerReferences"];
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray items)
        {
            fields.Fail("metadata.ownerReferences", "expected an array, found " + JsonScalars.Describe(node));
            return [];
        }
        var references = new List<OwnerReference>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = JsonPathText.Index("metadata.ownerReferences", i);
            if (items[i] is not JsonObject item)
            {
                fields.Fail(path, "expected an object, found " + JsonScalars.Describe(items[i]));
                return [];
            }
            var apiVersion = fields.String(item, path, "apiVersion", required: true);
            var kind = fields.String(item, path, "kind", required: true);
            var name = fields.String(item, path, "name", required: true);
            var uid = fields.String(item, path, "uid", required: true);
            if (fields.Error is not null)
            {
                return [];
            }
            references.Add(new OwnerReference(apiVersion!, kind!, name!, uid!));
        }
        return references;
    }
}
