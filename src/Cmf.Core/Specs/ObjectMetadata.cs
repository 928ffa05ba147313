using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>
/// The parts of a Kubernetes object's <c>metadata</c> we read. Only <see cref="Name"/> is required:
/// a manifest before it is applied has no uid, resourceVersion or generation yet.
/// </summary>
public sealed record ObjectMetadata
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }

    public long? Generation { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = JsonFieldReader.EmptyMap;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = JsonFieldReader.EmptyMap;

    public IReadOnlyList<OwnerReference> OwnerReferences { get; init; } = [];

    /// <summary>Reads <c>metadata</c> of an object; problems go to <paramref name="fields"/>.</summary>
    internal static ObjectMetadata? Read(JsonObject resource, JsonFieldReader fields)
    {
        var metadata = fields.Object(resource, "", "metadata", required: true);
        var name = fields.String(metadata, "metadata", "name", required: true);
        var result = new ObjectMetadata
        {
            Name = name ?? "",
            Namespace = fields.String(metadata, "metadata", "namespace"),
            Uid = fields.String(metadata, "metadata", "uid"),
            ResourceVersion = fields.String(metadata, "metadata", "resourceVersion"),
            Generation = fields.Integer(metadata, "metadata", "generation"),
            CreationTimestamp = fields.Timestamp(metadata, "metadata", "creationTimestamp"),
            DeletionTimestamp = fields.Timestamp(metadata, "metadata", "deletionTimestamp"),
            Labels = fields.StringMap(metadata, "metadata", "labels"),
            Annotations = fields.StringMap(metadata, "metadata", "annotations"),
            OwnerReferences = OwnerReference.ReadAll(metadata, fields),
        };
        return fields.Error is null ? result : null;
    }

    /// <summary>Reads the <c>metadata</c> of any Kubernetes object, for example of a deleted one whose spec no longer matters.</summary>
    public static ReadResult<ObjectMetadata> Read(JsonNode? resource)
    {
        if (resource is not JsonObject root)
        {
            return ReadResult<ObjectMetadata>.Failure("expected an object, found " + JsonScalars.Describe(resource));
        }
        var fields = new JsonFieldReader();
        try
        {
            var metadata = Read(root, fields);
            return metadata is null
                ? ReadResult<ObjectMetadata>.Failure(fields.Error!)
                : ReadResult<ObjectMetadata>.Success(metadata);
        }
        catch (Exception ex) when (UnreadableJson.Is(ex))
        {
            return ReadResult<ObjectMetadata>.Failure(UnreadableJson.Reason(ex));
        }
    }
}
