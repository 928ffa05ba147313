using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

/// <summary>One version of an application's effective spec, as the tracker sees it.</summary>
public sealed record InstanceState
{
    public required string Uid { get; init; }

    /// <summary>Per-application number: #1, #2, ...</summary>
    public required int Sequence { get; init; }

    /// <summary>metadata.uid of the FlinkDeployment object this version belonged to.</summary>
    public required string ObjectUid { get; init; }

    /// <summary>metadata.generation at which this version was first seen.</summary>
    public required long Generation { get; init; }

    /// <summary>SHA-256 of the canonical effective spec (rule 1 compares these).</summary>
    public required string SpecHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a newer instance replaced this one as the latest.</summary>
    public DateTimeOffset? SupersededAt { get; init; }

    /// <summary>Superseded and no cluster runs it any more (DESIGN 3.2 rule 7).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>
    /// When the operator took this generation on (<c>status.observedGeneration</c> reached it). Never set for an
    /// instance superseded while its upgrade was still pending: it was never deployed.
    /// </summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    public JobState? JobState { get; init; }

    public string? JobId { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public string? Error { get; init; }

    /// <summary>Why the operator stopped this instance's job, if it did.</summary>
    public InstanceStop Stop { get; init; }

    /// <summary>The savepoint the operator took when it stopped the job; null for stateless and last-state stops.</summary>
    public string? StopSavepointPath { get; init; }

    public DateTimeOffset? StatusUpdatedAt { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>The field manager that wrote this spec change (<c>kubectl-patch</c>, <c>argocd-controller</c>, ...).</summary>
    public string? ChangedBy { get; init; }

    /// <summary>The time the API server recorded for that manager's write.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>What delivered the change, when the object says (an Argo CD application, a Flux Kustomization, ...).</summary>
    public string? ChangeOrigin { get; init; }
    /// <summary>How the operator applied the change that created this instance, from its SpecChanged event.</summary>
    public SpecDiffType? DiffType { get; init; }

    /// <summary>What this instance is now or became (<see cref="InstanceOutcomeRules"/>), kept up to date by every tracker step.</summary>
    public InstanceOutcomeFacts? Outcome { get; init; }
}
