using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>Stored specs are sealed canonical JSON; this is the only way they leave the API: parsed, with every secret masked.</summary>
public static class DisplayedSpec
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = CanonicalJson.MaxDepth };

    public static JsonObject Object(string? sealedJson) =>
        string.IsNullOrEmpty(sealedJson) ? [] : SecretMasker.Display(Parse(sealedJson)) as JsonObject ?? [];

    /// <summary>Canonical YAML with the sealed tokens kept, for a diff that must see a secret change without showing it.</summary>
    public static string SealedYaml(string? sealedJson) =>
        string.IsNullOrEmpty(sealedJson) ? "" : CanonicalYaml.Render(Parse(sealedJson));

    private static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: ReadOptions);
}
