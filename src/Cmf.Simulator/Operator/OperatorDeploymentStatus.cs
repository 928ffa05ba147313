using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>
/// Typed access to a FlinkDeployment's status object in the operator's field names (api/status/FlinkDeploymentStatus,
/// CommonStatus, JobStatus, ReconciliationStatus). Fields FKO leaves null are left out, as the API server prunes nulls.
/// </summary>
internal sealed class OperatorDeploymentStatus(JsonObject status)
{
    public JsonObject Json { get; } = status;

    private JsonObject JobStatus => Json.GetOrAddObject("jobStatus");

    private JsonObject Reconciliation => Json.GetOrAddObject("reconciliationStatus");

    public bool IsNew => Json["reconciliationStatus"] is null;

    public string? JobState => Json.StringAt("jobStatus", "state");

    public string? JobId
    {
        get => Json.StringAt("jobStatus", "jobId");
        set => JobStatus["jobId"] = value;
    }

    public string? JobName
    {
        get => Json.StringAt("jobStatus", "jobName");
        set => JobStatus["jobName"] = value;
    }

    public string? UpgradeSavepointPath
    {
        get => Json.StringAt("jobStatus", "upgradeSavepointPath");
        set => Set(JobStatus, "upgradeSavepointPath", value);
    }

    public string? StartTime
    {
        get => Json.StringAt("jobStatus", "startTime");
        set => JobStatus["startTime"] = value;
    }

    /// <summary>Epoch milliseconds of the last job state change the observer saw (the shutdown TTL counts from it).</summary>
    public string? UpdateTime => Json.StringAt("jobStatus", "updateTime");

    public string? JobManagerDeploymentStatus
    {
        get => Json.StringAt("jobManagerDeploymentStatus");
        set => Json["jobManagerDeploymentStatus"] = value;
    }

    public string? Error
    {
        get => Json.StringAt("error");
        set => Set(Json, "error", value);
    }

    public long? ObservedGeneration
    {
        get => Json.LongAt("observedGeneration");
        set => Json["observedGeneration"] = value;
    }

    /// <summary>ReconciliationStatus.state; a new resource starts UPGRADING.</summary>
    public string ReconciliationState
    {
        get => Json.StringAt("reconciliationStatus", "state") ?? OperatorReconciliationStates.Upgrading;
        set => Reconciliation["state"] = value;
    }

    public string? LastReconciledSpec
    {
        get => Json.StringAt("reconciliationStatus", "lastReconciledSpec");
        set => Set(Reconciliation, "lastReconciledSpec", value);
    }

    public string? LastStableSpec
    {
        get => Json.StringAt("reconciliationStatus", "lastStableSpec");
        set => Set(Reconciliation, "lastStableSpec", value);
    }

    public long ReconciliationTimestamp
    {
        get => Json.LongAt("reconciliationStatus", "reconciliationTimestamp") ?? 0;
        set => Reconciliation["reconciliationTimestamp"] = value;
    }

    public ReconciledSpec? Reconciled => ReconciledSpec.Parse(LastReconciledSpec);

    public ReconciledSpec? Stable => ReconciledSpec.Parse(LastStableSpec);

    public bool IsBeforeFirstDeployment => LastReconciledSpec is null;

    /// <summary>ReconciliationStatus.isLastReconciledSpecStable: the two strings are equal.</summary>
    public bool IsLastReconciledSpecStable => LastReconciledSpec is { } last && last == LastStableSpec;

    /// <summary>CommonStatus.isJobCancellable, and since 1.14 a ready JobManager (FlinkDeploymentStatus.isJobCancellable).</summary>
    public bool IsJobCancellable =>
        JobState is { } state && state != OperatorJobStates.Reconciling && !OperatorJobStates.IsGloballyTerminal(state)
        && JobManagerDeploymentStatus == OperatorJobManagerStatuses.Ready;

    /// <summary>The operator sets a job state itself (cancelJob's FINISHED): no update time, no event.</summary>
    public void SetJobState(string state) => JobStatus["state"] = state;

    /// <summary>JobStatusObserver.updateJobStatus: a state seen on the cluster; a change moves the update time. True when it changed.</summary>
    public bool ObserveJobState(string state, DateTimeOffset now)
    {
        if (JobState == state)
        {
            return false;
        }
        JobStatus["state"] = state;
        JobStatus["updateTime"] = KubernetesTime.EpochMillis(now);
        return true;
    }

    public void MarkReconciledSpecStable() => LastStableSpec = LastReconciledSpec;

    public void SetTaskManager(string labelSelector, int replicas) =>
        Json["taskManager"] = new JsonObject { ["labelSelector"] = labelSelector, ["replicas"] = replicas };

    public void SetClusterInfo(JsonObject info)
    {
        var clusterInfo = Json.GetOrAddObject("clusterInfo");
        // observeClusterInfo does putAll and never clears: values of an earlier cluster survive a redeploy.
        foreach (var (key, value) in info)
        {
            clusterInfo[key] = value?.DeepClone();
        }
    }

    /// <summary>The deprecated savepointInfo, written when no FlinkStateSnapshot resource records an upgrade savepoint.</summary>
    public void RecordUpgradeSavepoint(string location, DateTimeOffset time, string formatType)
    {
        var info = JobStatus.GetOrAddObject("savepointInfo");
        var savepoint = new JsonObject
        {
            ["timeStamp"] = time.ToUnixTimeMilliseconds(),
            ["location"] = location,
            ["triggerType"] = "UPGRADE",
            ["formatType"] = formatType,
        };
        info["lastSavepoint"] = savepoint;
        if (info["savepointHistory"] is not JsonArray history)
        {
            history = [];
            info["savepointHistory"] = history;
        }
        history.Add(savepoint.DeepClone());
    }

    /// <summary>
    /// FlinkDeploymentStatus.setRunningConditionIfRequired (FKO 1.15): one condition of type Running in application mode,
    /// its transition time kept while its status string stays the same. Older operators write no conditions.
    /// </summary>
    public void SetRunningCondition(DateTimeOffset now)
    {
        if (IsBeforeFirstDeployment || JobState is not { } state)
        {
            Json["conditions"] = new JsonArray();
            return;
        }
        var running = state == OperatorJobStates.Running ? "True" : "False";
        var previous = (Json["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c.StringAt("type") == "Running");
        var since = previous?.StringAt("status") == running ? previous.StringAt("lastTransitionTime") : null;
        Json["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Running",
            ["status"] = running,
            ["reason"] = char.ToUpperInvariant(state[0]) + state[1..].ToLowerInvariant(),
            ["message"] = "Job status " + state,
            ["lastTransitionTime"] = since ?? KubernetesTime.FormatMicro(now),
        });
    }

    /// <summary>The initial status of a new resource (FlinkDeployment.initStatus): JobManager MISSING, reconciliation UPGRADING.</summary>
    public void Initialize()
    {
        JobManagerDeploymentStatus = OperatorJobManagerStatuses.Missing;
        var jobStatus = JobStatus;
        jobStatus["checkpointInfo"] = new JsonObject { ["lastPeriodicCheckpointTimestamp"] = 0 };
        jobStatus["savepointInfo"] = new JsonObject { ["lastPeriodicSavepointTimestamp"] = 0, ["savepointHistory"] = new JsonArray() };
        Reconciliation["reconciliationTimestamp"] = 0;
        Reconciliation["state"] = OperatorReconciliationStates.Upgrading;
        Json["clusterInfo"] = new JsonObject();
    }

    public static string NewJobId(SimulatorRandom random) => random.Hex(32);

    private static void Set(JsonObject target, string key, string? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }
}
