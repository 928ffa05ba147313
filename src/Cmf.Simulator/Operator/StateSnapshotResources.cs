using System.Text.Json.Nodes;
using Cmf.Simulator.Api;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;

namespace Cmf.Simulator.Operator;

/// <summary>
/// The FlinkStateSnapshot resources the FlinkDeployment side of the operator creates, reads and deletes: upgrade, periodic
/// and manual savepoints (FlinkStateSnapshotUtils.createSavepointResource) and the history cleanup of SnapshotObserver.
/// </summary>
internal sealed class StateSnapshotResources
{
    private readonly ResourceStore _store;
    private readonly StoreIndex _byJobReference;

    public StateSnapshotResources(ResourceStore store)
    {
        _store = store;
        _byJobReference = store.AddIndex(ResourceTypes.FlinkStateSnapshots,
            s => StateSnapshots.JobReference(s.ToJsonObject()) is { } reference ? [JobReferenceKey(reference)] : []);
    }

    /// <summary>Creates a savepoint resource for <paramref name="flinkDeployment"/>; null when the API server refused it.</summary>
    public StoredObject? CreateSavepoint(JsonObject flinkDeployment, string? path, string triggerType, string formatType, bool disposeOnDelete, DateTimeOffset now)
    {
        try
        {
            return _store.Create(ResourceTypes.FlinkStateSnapshots, StateSnapshots.NewSavepoint(flinkDeployment, path, triggerType, formatType, disposeOnDelete, now), ChangeOrigin.Cluster);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // The namespace is going away, or one was made in the same millisecond.
            return null;
        }
    }

    /// <summary>FlinkStateSnapshotUtils.getFlinkStateSnapshotsSupplier: the snapshots whose job reference is this FlinkDeployment.</summary>
    public List<StoredObject> Of(ObjectKey flinkDeployment) => _store.ListIndexed(_byJobReference, JobReferenceKey(flinkDeployment));

    // JobReference keeps the snapshot's own namespace, so the key's namespace is the one the operator lists in.
    private static string JobReferenceKey(ObjectKey flinkDeployment) => flinkDeployment.ToString();

    /// <summary>
    /// SnapshotObserver.cleanupSavepointHistory (L237-260) and getFlinkStateSnapshotsToCleanUp (L273-323): of the periodic
    /// and upgrade savepoints, oldest first, those beyond <c>savepoint.history.max.count</c> (10) or older than
    /// <c>savepoint.history.max.age</c> (24 h) are deleted, never the last completed one nor the newest one.
    /// </summary>
    public void CleanupHistory(ObjectKey flinkDeployment, JsonObject spec, DateTimeOffset now)
    {
        if (!FlinkConfiguration.GetBool(spec, StateSnapshots.CleanupEnabled, true))
        {
            return;
        }
        var savepoints = Of(flinkDeployment)
            .Where(s => !s.IsTerminating)
            .Select(s => (Stored: s, Json: s.ToJsonObject()))
            .Where(s => s.Json.NodeAt("spec", "savepoint") is not null
                && s.Json.StringAt("metadata", "labels", StateSnapshots.LabelTriggerType) is SnapshotTriggerType.Periodic or SnapshotTriggerType.Upgrade)
            .OrderBy(s => KubernetesTime.Parse(s.Json.StringAt("metadata", "creationTimestamp")))
            .ToList();
        if (savepoints.Count < 2)
        {
            return;
        }
        var lastCompleted = savepoints.LastOrDefault(s => s.Json.StringAt("status", "state") == OperatorSnapshotStates.Completed).Stored;
        var maxCount = Math.Max(1, FlinkConfiguration.Get(spec, StateSnapshots.HistoryMaxCount) is { } text && int.TryParse(text, out var count) ? count : 10);
        var oldest = now - (FlinkConfiguration.ParseDuration(FlinkConfiguration.Get(spec, StateSnapshots.HistoryMaxAge)) ?? TimeSpan.FromHours(24));
        var deleted = 0;
        foreach (var (stored, json) in savepoints)
        {
            if (stored == lastCompleted)
            {
                continue;
            }
            if (deleted == savepoints.Count - 1)
            {
                break;
            }
            if (savepoints.Count - deleted > maxCount || KubernetesTime.Parse(json.StringAt("metadata", "creationTimestamp")) < oldest)
            {
                deleted++;
                try
                {
                    _store.Delete(ResourceTypes.FlinkStateSnapshots, stored.Key, preconditions: null, ChangeOrigin.Cluster);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Deleted meanwhile.
                }
            }
        }
    }
}
