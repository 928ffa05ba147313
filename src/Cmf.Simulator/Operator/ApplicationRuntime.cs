using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// What the simulation remembers about one FlinkDeployment beyond its status: the live cluster, the HA metadata the
/// cluster left behind, a pass blocked in a long call, and the operator's status cache.
/// </summary>
internal sealed class ApplicationRuntime(ObjectKey key, string objectUid)
{
    public ObjectKey Key { get; } = key;

    public string ObjectUid { get; } = objectUid;

    public FlinkCluster? Cluster { get; set; }

    /// <summary>Kubernetes HA ConfigMaps with a checkpoint exist (a job ran with HA on and they were not deleted).</summary>
    public bool HaMetadata { get; set; }

    /// <summary>The completed checkpoint a cancelled or terminal job left, as its external path.</summary>
    public string? LatestCheckpoint { get; set; }

    /// <summary>A pass waiting in a blocking call (a stop-with-savepoint), and how it carries on.</summary>
    public PassBlockedException? Blocked { get; set; }

    /// <summary>The pass the blocked call belongs to.</summary>
    public ReconcilePass? BlockedPass { get; set; }

    public int FailedSavepoints { get; set; }

    /// <summary>SnapshotTriggerTimestampStore: when the operator last triggered a periodic savepoint (in memory only).</summary>
    public DateTimeOffset? LastPeriodicSavepointTrigger { get; set; }

    /// <summary>StatusRecorder's cache: the status JSON this operator last wrote.</summary>
    public string? LastWrittenStatus { get; set; }
}
