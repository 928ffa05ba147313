namespace Cmf.Core.Tracking;

/// <summary>The application's latest observed status: what the operator wrote, and what the tracker adds to it.</summary>
public sealed record ApplicationStatus
{
    /// <summary>The operator's <c>status</c>, as last observed.</summary>
    public FlinkDeploymentStatusSnapshot Reported { get; init; } = new();

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>When anything about the application last changed (instances, clusters, status).</summary>
    public DateTimeOffset? LastChangeAt { get; init; }
}
