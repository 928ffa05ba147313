using System.Text.Json.Nodes;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// What the simulation remembers about one FlinkDeployment beyond its status: the live cluster and a
/// stop-with-savepoint in progress (the real operator blocks on it, so it is never visible in status).
/// </summary>
internal sealed class ApplicationRuntime(ObjectKey key, string objectUid)
{
    public ObjectKey Key { get; } = key;

    public string ObjectUid { get; } = objectUid;

    public FlinkCluster? Cluster { get; set; }

    public PendingSavepoint? Savepoint { get; set; }

    public int FailedSavepoints { get; set; }

    /// <summary>The SpecChanged event is emitted once per generation.</summary>
    public long SpecChangedEventGeneration { get; set; }
}

/// <summary>A stop-with-savepoint under way, and what to do once it completes.</summary>
internal sealed record PendingSavepoint(JsonObject Target, string DesiredJobState, bool RollingBack, DateTimeOffset CompletesAt);
