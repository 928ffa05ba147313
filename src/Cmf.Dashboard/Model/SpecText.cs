using System.Text.Json.Nodes;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Stored specs (and environment defaults) are canonical JSON with each secret replaced by its fingerprint token. A diff compares that YAML,
/// so it can tell that a secret changed; everything a person reads gets the masked YAML.
/// </summary>
public static class SpecText
{
    /// <summary>Canonical YAML that still carries the fingerprint tokens: only for <c>SpecDiffView</c>.</summary>
    public static string? FingerprintedYaml(string? fingerprintedJson) =>
        string.IsNullOrWhiteSpace(fingerprintedJson) ? null : CanonicalYaml.Render(JsonNode.Parse(fingerprintedJson));

    /// <summary>Canonical YAML with every secret shown as <c>******</c>.</summary>
    public static string? MaskedYaml(string? fingerprintedJson) =>
        FingerprintedYaml(fingerprintedJson) is { } yaml ? SecretMasker.Display(yaml) : null;
}
