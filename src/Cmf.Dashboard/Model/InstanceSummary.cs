using Cmf.Core.Model;

namespace Cmf.Dashboard.Model;

/// <summary>One application instance (one version of the effective spec) as the controls show it.</summary>
public sealed record InstanceSummary
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Superseded and its last cluster gone; null while the instance lives.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The last job state observed for this instance; kept after it is superseded.</summary>
    public JobState? JobState { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public bool StoppedForUpgrade { get; init; }

    public string Label => $"#{Sequence}";
}
