namespace Cmf.Dashboard.Model;

/// <summary>What an instance is to its application right now.</summary>
public enum InstanceRole
{
    /// <summary>Neither current nor the pending latest: history.</summary>
    Past,

    /// <summary>Owns the live cluster.</summary>
    Current,

    /// <summary>The latest instance while it is not the current deployed one: an upgrade not yet done.</summary>
    Pending,
}

public static class InstanceRoles
{
    public static InstanceRole Of(string? instanceUid, string? currentInstanceUid, string? latestInstanceUid)
    {
        if (instanceUid is null)
        {
            return InstanceRole.Past;
        }
        if (instanceUid == currentInstanceUid)
        {
            return InstanceRole.Current;
        }
        return instanceUid == latestInstanceUid ? InstanceRole.Pending : InstanceRole.Past;
    }
}
