namespace Cmf.Core.Specs;

/// <summary>
/// The spec of one FlinkDeployment generation as observed, which is its effective spec (DESIGN 3.1).
/// <see cref="EffectiveSpecJson"/> is canonical and fingerprinted (secrets replaced by fingerprints);
/// <see cref="SpecHash"/> is the SHA-256 of the plain canonical spec.
/// </summary>
public sealed record SpecVersion
{
    public required string EffectiveSpecJson { get; init; }

    public required string SpecHash { get; init; }

    /// <summary>The pod template's <c>platform.confluent.io/cmf-fa-instance</c> annotation, when CMF manages the app.</summary>
    public string? InstanceAnnotation { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>Hides this spec's secrets in the status texts that go with it (never stored: it knows the values).</summary>
    public SecretScrubber Scrubber { get; init; } = SecretScrubber.PatternsOnly;
}
