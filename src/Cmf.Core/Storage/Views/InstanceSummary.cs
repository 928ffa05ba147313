using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Views;

/// <summary>One instance as the instance table and the instance page show it.</summary>
public sealed record InstanceSummary
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    public required string ObjectUid { get; init; }

    public long Generation { get; init; }

    public required string SpecHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public JobState? JobState { get; init; }

    public string? JobId { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public string? Error { get; init; }

    /// <summary>Why the operator stopped the job, if it did; <see cref="StopSavepointPath"/> is set for a stop with a savepoint.</summary>
    public InstanceStop Stop { get; init; }

    public string? StopSavepointPath { get; init; }

    /// <summary>When the operator took this instance's generation on; null while pending, and for ever when never deployed.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    public DateTimeOffset? StatusUpdatedAt { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>The field manager that wrote this instance's spec change (<c>kubectl-patch</c>, <c>argocd-controller</c>, ...); null when unknown.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>The time the API server recorded for that write.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>What delivered it, when the object says: "Argo CD application payments", "Flux Kustomization flux-system/apps", ...</summary>
    public string? ChangeOrigin { get; init; }
    /// <summary>How the operator applied the change that created this instance (its SpecChanged event); null when unknown.</summary>
    public SpecDiffType? DiffType { get; init; }

    /// <summary>What the instance is now or became, as the tracker last decided it; null for a row no pass has filled yet.</summary>
    public InstanceOutcomeFacts? Outcome { get; init; }
}
