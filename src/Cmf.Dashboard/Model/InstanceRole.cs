namespace Cmf.Dashboard.Model;

/// <summary>What an instance is to its application right now.</summary>
public enum InstanceRole
{
    /// <summary>Neither current nor pending: history.</summary>
    Past,

    /// <summary>Runs on the live cluster.</summary>
    Current,

    /// <summary>The latest instance while the operator has not reconciled its generation (DESIGN 3.2 rule 5).</summary>
    Pending,
}

public static class InstanceRoles
{
    /// <summary>
    /// Pending comes from the operator's observedGeneration, never from "latest is not current": after a revert the
    /// latest instance is not current and nothing is pending.
    /// </summary>
    public static InstanceRole Of(string? instanceUid, string? currentInstanceUid, string? pendingInstanceUid)
    {
        if (instanceUid is null)
        {
            return InstanceRole.Past;
        }
        if (instanceUid == pendingInstanceUid)
        {
            return InstanceRole.Pending;
        }
        return instanceUid == currentInstanceUid ? InstanceRole.Current : InstanceRole.Past;
    }
}
