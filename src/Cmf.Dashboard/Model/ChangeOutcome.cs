using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The outcomes the changes list filters on, each a set of <see cref="InstanceOutcomeKind"/>s: the one definition of an
/// instance's outcome stays <see cref="InstanceOutcome.For"/>; this only groups its kinds.
/// </summary>
public enum ChangeOutcome
{
    /// <summary>Ran, or runs, on a cluster: current, stopped, superseded, ended, applied in place.</summary>
    Deployed,

    /// <summary>Runs on the live cluster now.</summary>
    Current,

    /// <summary>The operator has not taken it on yet, or its cluster is not up yet.</summary>
    Pending,

    /// <summary>Pending, with the operator reporting an error that holds it back.</summary>
    Blocked,

    RolledBack,

    /// <summary>No cluster ever ran it: replaced before deployment, or a revert the operator had nothing to do for.</summary>
    NeverDeployed,

    SupersededInPlace,
}

public static class ChangeOutcomes
{
    public static IReadOnlyList<(ChangeOutcome Outcome, string Wire, string Label)> All { get; } =
    [
        (ChangeOutcome.Deployed, "deployed", "Deployed"),
        (ChangeOutcome.Current, "current", "Current"),
        (ChangeOutcome.Pending, "pending", "Pending"),
        (ChangeOutcome.Blocked, "blocked", "Blocked"),
        (ChangeOutcome.RolledBack, "rolled-back", "Rolled back"),
        (ChangeOutcome.NeverDeployed, "never-deployed", "Never deployed"),
        (ChangeOutcome.SupersededInPlace, "superseded-in-place", "Superseded in place"),
    ];

    public static string Wire(ChangeOutcome outcome) => All.First(o => o.Outcome == outcome).Wire;

    public static string Label(ChangeOutcome outcome) => All.First(o => o.Outcome == outcome).Label;

    public static ChangeOutcome? Parse(string? wire) =>
        All.FirstOrDefault(o => string.Equals(o.Wire, wire?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Wire: not null } found
            ? found.Outcome
            : null;

    /// <summary>The instance outcomes the filter keeps.</summary>
    public static IReadOnlyList<InstanceOutcomeKind> Kinds(ChangeOutcome outcome) =>
        [.. Enum.GetValues<InstanceOutcomeKind>().Where(kind => Matches(outcome, kind))];

    public static bool Matches(ChangeOutcome outcome, InstanceOutcomeKind kind) => outcome switch
    {
        ChangeOutcome.Deployed => kind is InstanceOutcomeKind.Current or InstanceOutcomeKind.Stopped or InstanceOutcomeKind.Superseded
            or InstanceOutcomeKind.JobEnded or InstanceOutcomeKind.NotRunning or InstanceOutcomeKind.Suspended
            or InstanceOutcomeKind.SupersededInPlace,
        ChangeOutcome.Current => kind is InstanceOutcomeKind.Current,
        ChangeOutcome.Pending => kind is InstanceOutcomeKind.Pending or InstanceOutcomeKind.Deploying,
        ChangeOutcome.Blocked => kind is InstanceOutcomeKind.UpgradeBlocked,
        ChangeOutcome.RolledBack => kind is InstanceOutcomeKind.RolledBack,
        ChangeOutcome.NeverDeployed => kind is InstanceOutcomeKind.NeverDeployed or InstanceOutcomeKind.Reverted,
        ChangeOutcome.SupersededInPlace => kind is InstanceOutcomeKind.SupersededInPlace,
        _ => false,
    };
}
