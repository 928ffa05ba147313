using Cmf.Core.Model;

namespace Cmf.Core.Specs;

/// <summary>A FlinkDeployment's <c>status</c>, as the operator writes it; every field may be absent.</summary>
public sealed record FlinkDeploymentStatus
{
    public static FlinkDeploymentStatus Empty { get; } = new();

    public FlinkJobStatus? JobStatus { get; init; }

    public LifecycleState? LifecycleState { get; init; }

    public JobManagerDeploymentStatus? JobManagerDeploymentStatus { get; init; }

    public FlinkReconciliationStatus? ReconciliationStatus { get; init; }

    /// <summary>The operator's last error, often itself a JSON document.</summary>
    public string? Error { get; init; }

    public long? ObservedGeneration { get; init; }

    /// <summary>Filled only while the JobManager is ready (flink-version, flink-revision, total-cpu, ...).</summary>
    public IReadOnlyDictionary<string, string> ClusterInfo { get; init; } = JsonFieldReader.EmptyMap;
}

/// <summary><c>status.jobStatus</c>.</summary>
public sealed record FlinkJobStatus
{
    public string? JobName { get; init; }

    public string? JobId { get; init; }

    public JobState? State { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Set when the job was stopped with a savepoint for an upgrade.</summary>
    public string? UpgradeSavepointPath { get; init; }
}

/// <summary><c>status.reconciliationStatus</c>; the two specs are JSON strings (read them with <see cref="LastSpecDocument"/>).</summary>
public sealed record FlinkReconciliationStatus
{
    public ReconciliationState? State { get; init; }

    public string? LastReconciledSpec { get; init; }

    /// <summary>The spec a rollback returns to.</summary>
    public string? LastStableSpec { get; init; }

    public DateTimeOffset? ReconciliationTimestamp { get; init; }
}
