namespace Cmf.Dashboard.Api;

/// <summary>Which replica answered and who leads: the product version, this replica, its role and the cluster it serves.</summary>
public sealed record AboutResource
{
    /// <summary>The product version (the assembly's informational version, with the commit when built from git).</summary>
    public required string Version { get; init; }

    /// <summary>This replica's identity (the Lease holder name it uses).</summary>
    public required string Identity { get; init; }

    /// <summary><c>single</c> (no high availability), <c>leader</c> or <c>follower</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The replica that runs the watcher and the writer, as last observed; absent while unknown.</summary>
    public string? Leader { get; init; }

    /// <summary>What is watched, e.g. "the cluster this pod runs in".</summary>
    public required string Cluster { get; init; }
}
