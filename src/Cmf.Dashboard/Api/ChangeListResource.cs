namespace Cmf.Dashboard.Api;

/// <summary>
/// A page of <c>GET /api/v1/changes</c>: instances created across all applications in the window, newest first.
/// <see cref="Next"/> is the <c>before</c> value of the following page (null at the end); <see cref="NextUrl"/> is that
/// page's URL.
/// </summary>
public sealed record ChangeListResource
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required IReadOnlyList<ChangeResource> Items { get; init; }

    public string? Next { get; init; }

    public string? NextUrl { get; init; }
}

/// <summary>One change: an instance, what it changed against the instance before it, who, the operator's diff type and the outcome.</summary>
public sealed record ChangeResource
{
    public required string Environment { get; init; }

    public required string Application { get; init; }

    public required string InstanceUid { get; init; }

    public required int Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>"image flink:1.20.1 -> 1.20.2, parallelism 3 -> 4"; a secret reads "secret changed".</summary>
    public required string Summary { get; init; }

    /// <summary>The kinds of field changed: image, flink-version, parallelism, resources, configuration, other.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The changed flinkConfiguration keys, lower-cased.</summary>
    public required IReadOnlyList<string> ConfigurationKeys { get; init; }

    /// <summary>The outcome in words ("current", "pending, upgrade blocked: ...", "superseded in place by #3").</summary>
    public required string Outcome { get; init; }

    /// <summary>The outcome filters this change matches (deployed, current, pending, blocked, rolled-back, never-deployed, superseded-in-place).</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    public string? PreviousInstanceUid { get; init; }

    /// <summary>The diff with the previous instance (<c>/api/v1/.../diff</c>); null for a first instance.</summary>
    public string? DiffUrl { get; init; }

    public string? ChangedBy { get; init; }

    public string? ChangeOrigin { get; init; }

    /// <summary>The operator's diff type (IGNORE, SCALE, UPGRADE, SAVEPOINT_REDEPLOY), when its SpecChanged event was recorded.</summary>
    public string? DiffType { get; init; }
}
