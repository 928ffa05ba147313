using System.Text.Json.Nodes;

namespace Cmf.Dashboard.Api;

/// <summary>One instance with everything the dashboard knows of it: status, both specs (secrets masked), clusters and neighbours.</summary>
public sealed record InstanceResource
{
    public required string Uid { get; init; }

    public required string Environment { get; init; }

    public required string Application { get; init; }

    /// <summary>The per-application number: #1, #2, ...</summary>
    public required int Sequence { get; init; }

    public long Generation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? JobState { get; init; }

    public string? JobId { get; init; }

    public string? LifecycleState { get; init; }

    public string? Error { get; init; }

    /// <summary>UPGRADE or SUSPEND when the operator stopped the job; null otherwise.</summary>
    public string? Stop { get; init; }

    /// <summary>The savepoint taken when the job was stopped; null for stateless and last-state stops.</summary>
    public string? StopSavepointPath { get; init; }

    /// <summary>When the operator took this instance's generation on; null while pending and for an instance never deployed.</summary>
    public DateTimeOffset? ReconciledAt { get; init; }

    public DateTimeOffset? StatusUpdatedAt { get; init; }

    public string? FlinkVersion { get; init; }

    public string? UpgradeMode { get; init; }

    /// <summary>The field manager that wrote the spec change (kubectl-patch, argocd-controller, helm, ...); null when not recorded.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When that manager wrote it (its managedFields entry's time).</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The delivery tool's tracking (Argo CD or Flux application and revision), when present.</summary>
    public string? ChangeOrigin { get; init; }

    /// <summary>Runs on the live cluster.</summary>
    public bool IsCurrent { get; init; }

    public bool IsLatest { get; init; }

    public string? PreviousInstanceUid { get; init; }

    public string? NextInstanceUid { get; init; }

    public required JsonObject EffectiveSpec { get; init; }

    /// <summary>
    /// Paths of the effective spec's values that equal the environment's <c>flinkApplicationDefaults</c>
    /// (<c>serviceAccount</c>, <c>flinkConfiguration["state.backend.type"]</c>): "from environment defaults".
    /// </summary>
    public required IReadOnlyList<string> EnvironmentDefaultPaths { get; init; }

    public required IReadOnlyList<ClusterResource> Clusters { get; init; }

    public required InstanceLinks Links { get; init; }
}

/// <summary>Where to see the instance: its page, CMF's resource, and the diff with the previous instance.</summary>
public sealed record InstanceLinks(string Page, string Cmf)
{
    /// <summary>The effective spec as a YAML file, secrets masked.</summary>
    public string? SpecYaml { get; init; }

    /// <summary>Absent for the oldest retained instance.</summary>
    public string? DiffWithPrevious { get; init; }
}
