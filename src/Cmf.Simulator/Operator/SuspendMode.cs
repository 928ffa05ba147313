namespace Cmf.Simulator.Operator;

/// <summary>How a running job is stopped (FKO service/SuspendMode.java).</summary>
internal enum SuspendMode
{
    Noop,
    Stateless,
    Savepoint,
    Cancel,
    LastState,
}

internal static class SuspendModes
{
    /// <summary>SuspendMode.deleteCluster: only stateless and last-state stops delete the JobManager.</summary>
    public static bool DeletesCluster(this SuspendMode mode) => mode is SuspendMode.Stateless or SuspendMode.LastState;

    /// <summary>SuspendMode.deleteHaMeta: every stop but last-state deletes the HA metadata.</summary>
    public static bool DeletesHaMetadata(this SuspendMode mode) => mode != SuspendMode.LastState;
}

/// <summary>AbstractJobReconciler.JobUpgrade: how to stop the job, what mode to restore it in, and whether that is possible now.</summary>
internal sealed record JobUpgrade(SuspendMode? SuspendMode, string? RestoreMode, bool Available, bool AllowFallback, bool AllowOtherReconcileActions)
{
    public static JobUpgrade Stateless(bool terminal) =>
        new(terminal ? Operator.SuspendMode.Noop : Operator.SuspendMode.Stateless, JobSpecValues.Stateless, true, false, false);

    public static JobUpgrade Savepoint(bool terminal) =>
        new(terminal ? Operator.SuspendMode.Noop : Operator.SuspendMode.Savepoint, JobSpecValues.Savepoint, true, false, false);

    public static JobUpgrade LastStateUsingHaMeta() => new(Operator.SuspendMode.LastState, JobSpecValues.LastState, true, false, false);

    /// <summary>Since FKO 1.10 a last-state upgrade without HA metadata cancels the job and restores from its last checkpoint.</summary>
    public static JobUpgrade LastStateUsingCancel() => new(Operator.SuspendMode.Cancel, JobSpecValues.Savepoint, true, false, false);

    public static JobUpgrade PendingCancellation() => new(null, null, false, false, false);

    public static JobUpgrade PendingUpgrade() => new(null, null, false, false, true);

    public static JobUpgrade Unavailable() => new(null, null, false, true, true);
}
