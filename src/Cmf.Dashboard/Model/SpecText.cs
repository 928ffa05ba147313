using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Stored specs (and environment defaults) are canonical JSON with secrets sealed. A diff compares the sealed YAML,
/// so it can tell that a secret changed; everything a person reads gets the masked YAML.
/// </summary>
public static class SpecText
{
    /// <summary>Canonical YAML that still carries the sealed tokens: only for <c>SpecDiffView</c>.</summary>
    public static string? SealedYaml(string? sealedJson) =>
        string.IsNullOrWhiteSpace(sealedJson) ? null : CanonicalYaml.Render(JsonNode.Parse(sealedJson));

    /// <summary>Canonical YAML with every secret shown as <c>******</c>.</summary>
    public static string? MaskedYaml(string? sealedJson) =>
        SealedYaml(sealedJson) is { } yaml ? SecretMasker.Display(yaml) : null;
}
