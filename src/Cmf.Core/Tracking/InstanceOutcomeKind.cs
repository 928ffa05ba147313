namespace Cmf.Core.Tracking;

/// <summary>What an instance is now, or what became of it (<see cref="InstanceOutcomeRules"/> decides).</summary>
public enum InstanceOutcomeKind
{
    Current,
    Pending,
    UpgradeBlocked,

    /// <summary>The operator took the latest generation on and its cluster is not up yet.</summary>
    Deploying,
    NeverDeployed,
    SupersededInPlace,

    /// <summary>The operator stopped the job to upgrade or suspend.</summary>
    Stopped,

    /// <summary>The instance is a suspended spec: no job, no cluster.</summary>
    Suspended,
    RolledBack,
    Reverted,

    /// <summary>A finite job ended on its own (FINISHED, FAILED or CANCELED).</summary>
    JobEnded,
    Superseded,
    NotRunning,
}
