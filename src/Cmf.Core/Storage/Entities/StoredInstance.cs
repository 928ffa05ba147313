using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.Core.Storage.Entities;

/// <summary>One application instance; its spec texts live in <see cref="StoredInstanceSpec"/>.</summary>
internal sealed class StoredInstance
{
    public long Id { get; set; }

    public required string Uid { get; set; }

    public long ApplicationId { get; set; }

    public int Sequence { get; set; }

    public required string ObjectUid { get; set; }

    public long Generation { get; set; }

    public required string SpecHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SupersededAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public JobState? JobState { get; set; }

    public string? JobId { get; set; }

    public LifecycleState? LifecycleState { get; set; }

    public string? Error { get; set; }

    public InstanceStop Stop { get; set; }

    public string? StopSavepointPath { get; set; }

    public DateTimeOffset? ReconciledAt { get; set; }

    public DateTimeOffset? StatusUpdatedAt { get; set; }

    public string? FlinkVersion { get; set; }

    public string? UpgradeMode { get; set; }

    /// <summary>What changed against the previous instance, in one line; null until computed (a row of an older release).</summary>
    public string? ChangeSummary { get; set; }

    /// <summary>The <see cref="Cmf.Core.Specs.SpecChangeKinds"/> flags of that change, for a bitwise filter.</summary>
    public int ChangeKinds { get; set; }

    /// <summary>The changed <c>flinkConfiguration</c> keys, lower-cased, as <c>|key1|key2|</c> (see <c>Writing/ChangeColumns</c>).</summary>
    public string? ChangedConfigurationKeys { get; set; }

    public string? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public string? ChangeOrigin { get; set; }
    /// <summary>How the operator applied the change that created this instance (from its SpecChanged event).</summary>
    public SpecDiffType? DiffType { get; set; }

    /// <summary>The instance's outcome (<see cref="InstanceOutcomeRules"/>), written with every commit that moves it; the changes list filters on it.</summary>
    public InstanceOutcomeKind? Outcome { get; set; }

    /// <summary>The other instance the outcome names (handed over to, rolled back to, reverted to, superseded by).</summary>
    public string? OutcomeInstanceUid { get; set; }

    /// <summary>That instance's number; null when it is no longer retained.</summary>
    public int? OutcomeInstanceSequence { get; set; }

    /// <summary>The rollback's cluster, for a rolled-back outcome.</summary>
    public string? OutcomeClusterUid { get; set; }

    /// <summary>When the cluster was handed over in place, or the rollback's cluster started.</summary>
    public DateTimeOffset? OutcomeAt { get; set; }
}
