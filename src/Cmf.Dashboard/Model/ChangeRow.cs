using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// One row of the changes list: which instance of which application, when, who, what changed against the instance
/// before it (<see cref="Previous"/>, the other side of its diff), the operator's diff type and the outcome.
/// </summary>
public sealed record ChangeRow
{
    public required string Environment { get; init; }

    public required string Application { get; init; }

    public required InstanceReference Instance { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>"image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4"; secrets read "secret changed".</summary>
    public required string Summary { get; init; }

    public SpecChangeKinds Kinds { get; init; }

    public IReadOnlyList<string> ConfigurationKeys { get; init; } = [];

    /// <summary>Null for an instance whose outcome no pass has stored yet.</summary>
    public InstanceOutcome? Outcome { get; init; }

    /// <summary>The kept instance before this one; null for the first (or when older ones were pruned).</summary>
    public InstanceReference? Previous { get; init; }

    /// <summary>Who wrote the spec change (the field manager); null until attribution is recorded for the instance.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>Where the change came from (an Argo CD or Flux application and revision); null when unknown.</summary>
    public string? ChangeOrigin { get; init; }

    /// <summary>The operator's classification of the change (IGNORE, SCALE, UPGRADE, SAVEPOINT_REDEPLOY); null when it has not said.</summary>
    public string? DiffType { get; init; }

    /// <summary>What <see cref="DiffType"/> did, in words ("applied in place", "rescaled", "redeployed").</summary>
    public string? DiffTypeDescription { get; init; }
}
