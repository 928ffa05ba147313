using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>
/// <c>status.reconciliationStatus.lastReconciledSpec</c> / <c>lastStableSpec</c>: a JSON string
/// <c>{"spec":{...},"resource_metadata":{"apiVersion":...,"metadata":{"generation":N},"firstDeployment":bool}}</c>.
/// Operators up to 1.9 write the generation; later ones leave it out.
/// </summary>
public sealed record LastSpecDocument(JsonObject Spec, long? Generation)
{
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    /// <summary>Null when the text is absent or is not such a document; never throws.</summary>
    public static LastSpecDocument? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        if (root is not JsonObject document || document["spec"] is not JsonObject spec)
        {
            return null;
        }
        var metadata = (document["resource_metadata"] as JsonObject)?["metadata"] as JsonObject;
        long? generation = JsonScalars.TryGetInt64(metadata?["generation"], out var value) ? value : null;
        return new LastSpecDocument(spec, generation);
    }
}
