using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>Operator Events and FlinkStateSnapshots as the watcher hands them to the tracker, for scenario tables.</summary>
internal static class OperatorHistorySteps
{
    /// <summary>The operator writes (or bumps) Event <paramref name="name"/>; it first happened at the last step's time unless given.</summary>
    public static TrackerResult OperatorEvent(
        this TrackerScenario scenario, string name, string reason, string message, int count = 1, string type = "Normal",
        DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null, string involvedKind = "FlinkDeployment", string? involvedName = null,
        bool replayed = false)
    {
        var first = firstSeen ?? scenario.Now;
        var operatorEvent = new OperatorEventSnapshot
        {
            Identity = "event-" + name,
            InvolvedKind = involvedKind,
            InvolvedName = involvedName ?? scenario.Key.Name,
            Reason = reason,
            Type = type,
            Source = "Operator",
            Message = message,
            Count = count,
            FirstSeen = first,
            LastSeen = lastSeen ?? (count == 1 ? first : scenario.Now),
        };
        return scenario.Apply(new OperatorEventObserved(scenario.Key, scenario.State.Namespace, operatorEvent, replayed));
    }

    /// <summary>The operator creates or updates FlinkStateSnapshot <paramref name="name"/>, created at the last step's time unless given.</summary>
    public static TrackerResult Snapshot(
        this TrackerScenario scenario, string name, string? state, string triggerType = "UPGRADE", DateTimeOffset? createdAt = null,
        string? path = null, string? error = null, int failures = 0, long resourceVersion = 1, bool replayed = false)
    {
        var known = scenario.State.FindSnapshot(name);
        var snapshot = new FlinkStateSnapshotResource
        {
            Uid = "snapshot-" + name,
            Name = name,
            ResourceVersion = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = createdAt ?? known?.Resource.CreatedAt ?? scenario.Now,
            SnapshotType = "SAVEPOINT",
            TriggerType = triggerType,
            State = state,
            Path = path,
            Error = error,
            Failures = failures,
        };
        return scenario.Apply(new FlinkStateSnapshotObserved(scenario.Key, scenario.State.Namespace, snapshot, replayed));
    }

    public static string SpecChanged(string diffType) =>
        $"{diffType} change(s) detected (Diff: FlinkDeploymentSpec[job.parallelism : 2 -> 4]), starting reconciliation.";
}
