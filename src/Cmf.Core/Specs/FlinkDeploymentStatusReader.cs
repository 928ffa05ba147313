using System.Text.Json.Nodes;
using Cmf.Core.Model;

namespace Cmf.Core.Specs;

/// <summary>Reads <c>status</c> of a FlinkDeployment; an absent status reads as <see cref="FlinkDeploymentStatus.Empty"/>.</summary>
internal static class FlinkDeploymentStatusReader
{
    public static FlinkDeploymentStatus Read(JsonObject resource, JsonFieldReader fields)
    {
        var status = fields.Object(resource, "", "status");
        if (status is null)
        {
            return FlinkDeploymentStatus.Empty;
        }
        return new FlinkDeploymentStatus
        {
            JobStatus = ReadJobStatus(fields.Object(status, "status", "jobStatus"), fields),
            LifecycleState = FlinkStateNames.ParseLifecycleState(fields.String(status, "status", "lifecycleState")),
            JobManagerDeploymentStatus = FlinkStateNames.ParseJobManagerDeploymentStatus(
                fields.String(status, "status", "jobManagerDeploymentStatus")),
            ReconciliationStatus = ReadReconciliationStatus(fields.Object(status, "status", "reconciliationStatus"), fields),
            Error = ErrorOf(fields.String(status, "status", "error")),
            ObservedGeneration = fields.Integer(status, "status", "observedGeneration"),
            ClusterInfo = fields.StringMap(status, "status", "clusterInfo"),
        };
    }

    // Operators up to 1.2 write "" for no error; FKO itself treats an empty error as none (StringUtils.isEmpty in AuditUtils).
    private static string? ErrorOf(string? error) => string.IsNullOrWhiteSpace(error) ? null : error;

    private static FlinkJobStatus? ReadJobStatus(JsonObject? job, JsonFieldReader fields)
    {
        const string Path = "status.jobStatus";
        return job is null ? null : new FlinkJobStatus
        {
            JobName = fields.String(job, Path, "jobName"),
            JobId = fields.String(job, Path, "jobId"),
            State = FlinkStateNames.ParseJobState(fields.String(job, Path, "state")),
            StartTime = fields.EpochMilliseconds(job, Path, "startTime"),
            UpdateTime = fields.EpochMilliseconds(job, Path, "updateTime"),
            UpgradeSavepointPath = fields.String(job, Path, "upgradeSavepointPath"),
        };
    }

    private static FlinkReconciliationStatus? ReadReconciliationStatus(JsonObject? reconciliation, JsonFieldReader fields)
    {
        const string Path = "status.reconciliationStatus";
        return reconciliation is null ? null : new FlinkReconciliationStatus
        {
            State = FlinkStateNames.ParseReconciliationState(fields.String(reconciliation, Path, "state")),
            LastReconciledSpec = fields.String(reconciliation, Path, "lastReconciledSpec"),
            LastStableSpec = fields.String(reconciliation, Path, "lastStableSpec"),
            ReconciliationTimestamp = fields.EpochMilliseconds(reconciliation, Path, "reconciliationTimestamp"),
        };
    }
}
