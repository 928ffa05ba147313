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

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the JobManager pod becomes ready; null when it never will (startup fails).</summary>
    public required DateTimeOffset? PodsReadyAt { get; init; }

    public bool PodsReady { get; set; }

    public bool ReportedCrashLoop { get; set; }

    /// <summary>When the Flink REST API answers (pods ready plus the REST delay).</summary>
    public DateTimeOffset? RestReadyAt { get; set; }

    public List<string> TaskManagerPods { get; } = [];

    public string JobState { get; set; } = Operator.JobState.Reconciling;

    public DateTimeOffset? JobStartedAt { get; set; }
}
