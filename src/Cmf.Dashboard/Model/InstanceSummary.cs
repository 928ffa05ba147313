using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>One application instance (one version of the effective spec) as the controls show it.</summary>
public sealed record InstanceSummary
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    /// <summary>Equal hashes mean equal effective specs (a revert repeats an older instance's hash); null when not read.</summary>
    public string? SpecHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a newer instance replaced it as the latest.</summary>
    public DateTimeOffset? SupersededAt { get; init; }

    /// <summary>Superseded and no cluster runs it any more; null while the instance lives.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>When the operator took its generation on; null while pending, and for ever when it was never deployed.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    /// <summary>The last job state observed for this instance; kept after it is superseded.</summary>
    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    /// <summary>Why the operator stopped the job, if it did.</summary>
    public InstanceStop Stop { get; init; }

    /// <summary>The savepoint taken when the job was stopped; null for stateless and last-state stops.</summary>
    public string? StopSavepointPath { get; init; }

    /// <summary>The field manager that wrote the spec change; null when not recorded.</summary>
    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The delivery tool's tracking (Argo CD or Flux application and revision), when present.</summary>
    public string? ChangeOrigin { get; init; }

    public string Label => $"#{Sequence}";
}
