using System.Text.Json.Nodes;

namespace Cmf.Simulator.Operator;

/// <summary>
/// One physical Flink application cluster as the simulation knows it: its JobManager Deployment and
/// pods, whether they came up, and the job running in it.
/// </summary>
internal sealed class FlinkCluster
{
    public required string DeploymentUid { get; init; }

    public required string PodTemplateHash { get; init; }

    public required string JobManagerPodName { get; init; }

    public required JsonObject Spec { get; init; }

    /// <summary>The job id the operator submitted ($internal.pipeline.job-id): the REST API knows only this job.</summary>
    public required string JobId { get; init; }

    /// <summary>Kubernetes HA is configured: a running job leaves HA metadata that survives the cluster unless deleted.</summary>
    public required bool HighAvailability { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the JobManager pod becomes ready; null when it never will (startup fails).</summary>
    public required DateTimeOffset? PodsReadyAt { get; init; }

    public bool PodsReady { get; set; }

    public bool ReportedCrashLoop { get; set; }

    /// <summary>When the Flink REST API answers (pods ready plus the REST delay).</summary>
    public DateTimeOffset? RestReadyAt { get; set; }

    public List<string> TaskManagerPods { get; } = [];

    /// <summary>The job as Flink's REST API reports it; RECONCILING until the job was submitted (no job to report).</summary>
    public string JobState { get; set; } = OperatorJobStates.Reconciling;

    public DateTimeOffset? JobStartedAt { get; set; }

    /// <summary>A cancel in progress: the job reads CANCELLING until then, CANCELED after.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The savepoint or checkpoint the job was started from (execution.savepoint.path), if any.</summary>
    public string? RestoredFrom { get; set; }

    /// <summary>Savepoints triggered through the REST API (POST /jobs/:id/savepoints), by trigger id.</summary>
    public Dictionary<string, TriggeredSavepoint> Savepoints { get; } = [];
}

/// <summary>A savepoint Flink is taking: when it ends, and then its location or its failure cause.</summary>
internal sealed record TriggeredSavepoint(DateTimeOffset EndsAt, string? Location, string? FailureCause);

/// <summary>What GET /jobs/:id/savepoints/:triggerId answers (FKO's SavepointFetchResult): pending, a location or an error.</summary>
internal sealed record SavepointFetchResult(bool Pending, string? Location, string? Error);
