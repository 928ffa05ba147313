namespace Cmf.Dashboard.Api;

/// <summary>What the timeline draws: instance lifetimes and cluster lifetimes of one application, oldest first.</summary>
public sealed record TimelineResource(
    string Environment,
    string Application,
    IReadOnlyList<TimelineInstanceResource> Instances,
    IReadOnlyList<ClusterResource> Clusters)
{
    /// <summary>The range asked for; absent when the whole history was.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}

/// <summary>An instance bar: from creation until superseded and its last cluster gone.</summary>
public sealed record TimelineInstanceResource
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? JobState { get; init; }

    /// <summary>UPGRADE or SUSPEND when the operator stopped the job; null otherwise.</summary>
    public string? Stop { get; init; }

    public string? StopSavepointPath { get; init; }

    public DateTimeOffset? ReconciledAt { get; init; }
}
