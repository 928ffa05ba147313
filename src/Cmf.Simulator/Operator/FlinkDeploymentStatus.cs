using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Operator;

/// <summary>Typed access to a FlinkDeployment's status object, in the operator's field names.</summary>
internal sealed class FlinkDeploymentStatus(JsonObject status)
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
        set => JobStatus["upgradeSavepointPath"] = value;
    }

    public string? StartTime
    {
        get => Json.StringAt("jobStatus", "startTime");
        set => JobStatus["startTime"] = value;
    }

    public string? JobManagerDeploymentStatus
    {
        get => Json.StringAt("jobManagerDeploymentStatus");
        set => Json["jobManagerDeploymentStatus"] = value;
    }

    public string? Error
    {
        get => Json.StringAt("error");
        set
        {
            if (value is null)
            {
                Json.Remove("error");
            }
            else
            {
                Json["error"] = value;
            }
        }
    }

    public long? ObservedGeneration
    {
        get => Json.LongAt("observedGeneration");
        set => Json["observedGeneration"] = value;
    }

    public string? LifecycleState
    {
        get => Json.StringAt("lifecycleState");
        set => Json["lifecycleState"] = value;
    }

    public string ReconciliationState
    {
        get => Json.StringAt("reconciliationStatus", "state") ?? Operator.ReconciliationState.Upgrading;
        set => Reconciliation["state"] = value;
    }

    public string? LastReconciledSpec
    {
        get => Json.StringAt("reconciliationStatus", "lastReconciledSpec");
        set => Reconciliation["lastReconciledSpec"] = value;
    }

    public string? LastStableSpec
    {
        get => Json.StringAt("reconciliationStatus", "lastStableSpec");
        set => Reconciliation["lastStableSpec"] = value;
    }

    public long ReconciliationTimestamp
    {
        get => Json.LongAt("reconciliationStatus", "reconciliationTimestamp") ?? 0;
        set => Reconciliation["reconciliationTimestamp"] = value;
    }

    public bool IsLastReconciledSpecStable => LastReconciledSpec is { } last && last == LastStableSpec;

    /// <summary>Sets the job state and, when it changes, the update time (epoch milliseconds as a string).</summary>
    public bool SetJobState(string state, DateTimeOffset now)
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

    public void SetClusterInfo(JsonObject? info)
    {
        if (info is null)
        {
            Json.Remove("clusterInfo");
        }
        else
        {
            Json["clusterInfo"] = info;
        }
    }

    public void RecordUpgradeSavepoint(string location, DateTimeOffset time, string formatType)
    {
        UpgradeSavepointPath = location;
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

    /// <summary>The empty status the operator writes on its first look at a new resource.</summary>
    public void Initialize()
    {
        JobManagerDeploymentStatus = Operator.JobManagerStatus.Missing;
        var jobStatus = JobStatus;
        jobStatus["checkpointInfo"] = new JsonObject { ["lastPeriodicCheckpointTimestamp"] = 0 };
        jobStatus["savepointInfo"] = new JsonObject { ["lastPeriodicSavepointTimestamp"] = 0, ["savepointHistory"] = new JsonArray() };
        Reconciliation["reconciliationTimestamp"] = 0;
        Reconciliation["state"] = Operator.ReconciliationState.Upgrading;
        LifecycleState = Operator.LifecycleState.Created;
    }

    public static string NewJobId(SimulatorRandom random) => random.Hex(32);
}
