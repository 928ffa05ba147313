using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>Stored specs are canonical JSON with secrets as fingerprint tokens; this is the only way they leave the API: parsed, with every secret masked.</summary>
public static class DisplayedSpec
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = CanonicalJson.MaxDepth };

    public static JsonObject Object(string? fingerprintedJson) =>
        string.IsNullOrEmpty(fingerprintedJson) ? [] : SecretMasker.Display(Parse(fingerprintedJson)) as JsonObject ?? [];

    /// <summary>Canonical YAML with the fingerprint tokens kept, for a diff that must see a secret change without showing it.</summary>
    public static string FingerprintedYaml(string? fingerprintedJson) =>
        string.IsNullOrEmpty(fingerprintedJson) ? "" : CanonicalYaml.Render(Parse(fingerprintedJson));

    private static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: ReadOptions);
}
