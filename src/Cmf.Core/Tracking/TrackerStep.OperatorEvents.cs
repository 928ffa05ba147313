using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

internal sealed partial class TrackerStep
{
    private const string OperatorEventKeyPrefix = "k8s-event:";

    /// <summary>
    /// One row per Event object, keyed by its identity: a repeat (higher count) updates the row, a re-send of what was
    /// recorded (relist, restart, duplicate delivery) changes nothing. The instance is decided from the first time the
    /// Event happened, so it never moves: by our clock for an Event seen as it happens (now, less how long it has been
    /// repeating), by its own first time for one listed or replayed (the cluster's clock need not match ours).
    /// </summary>
    public void ObserveOperatorEvent(OperatorEventSnapshot operatorEvent, bool replayed)
    {
        var key = OperatorEventKeyPrefix + operatorEvent.Identity;
        var seen = _state.OperatorEvents.GetValueOrDefault(key);
        if (seen is not null
            && seen.Count >= operatorEvent.Count && seen.LastSeen >= operatorEvent.LastSeen && seen.Message == operatorEvent.Message)
        {
            return;
        }
        var happened = replayed ? operatorEvent.FirstSeen : _now - (operatorEvent.LastSeen - operatorEvent.FirstSeen);
        var instanceUid = seen is not null ? seen.InstanceUid
            : operatorEvent.AboutSnapshot && _state.FindSnapshot(operatorEvent.InvolvedName) is { } snapshot ? snapshot.InstanceUid
            : InstanceAt(happened)?.Uid;
        if (operatorEvent.Reason == SpecChangedMessage.Reason
            && SpecChangedMessage.DiffType(operatorEvent.Message) is { } diffType
            && instanceUid is not null
            && _state.FindInstance(instanceUid) is { } changed
            && changed.DiffType != diffType)
        {
            Replace(changed with { DiffType = diffType });
        }
        Remember(key, new OperatorEventSeen(operatorEvent.Count, operatorEvent.LastSeen, operatorEvent.Message, instanceUid));
        _events.Add(new AppEvent(operatorEvent.FirstSeen, AppEventKind.OperatorEvent, operatorEvent.Message)
        {
            InstanceUid = instanceUid,
            Key = key,
            Count = operatorEvent.Count,
            LastSeenAt = operatorEvent.LastSeen,
            Reason = operatorEvent.Reason,
            EventType = operatorEvent.Type,
            Source = operatorEvent.Source,
        });
    }

    private void Remember(string key, OperatorEventSeen seen)
    {
        var remembered = _state.OperatorEvents.SetItem(key, seen);
        if (remembered.Count > _settings.MaxRememberedOperatorEvents)
        {
            var oldest = remembered.OrderBy(e => e.Value.LastSeen).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Take(remembered.Count - _settings.MaxRememberedOperatorEvents).Select(e => e.Key);
            remembered = remembered.RemoveRange(oldest);
        }
        _state = _state with { OperatorEvents = remembered };
    }

    /// <summary>
    /// The instance that was the latest (current, or pending while its upgrade waited) at <paramref name="time"/>. An
    /// Event older than every retained instance belongs to #1 when #1 is retained: the history starts there.
    /// </summary>
    private InstanceState? InstanceAt(DateTimeOffset time) =>
        _state.Instances.FindLast(i => i.CreatedAt <= time + _settings.ClockTolerance)
        ?? _state.Instances.Find(i => i.Sequence == 1);

    /// <summary>
    /// The instance whose job ran at <paramref name="time"/>: what the newest cluster alive then was running (an upgrade's
    /// savepoint is the old job's, taken while the new instance waits). Falls back to <see cref="InstanceAt"/>.
    /// </summary>
    private InstanceState? DeployedInstanceAt(DateTimeOffset time)
    {
        var cluster = _state.Clusters.FindLast(c => c.StartedAt <= time && (c.EndedAt is null || c.EndedAt >= time));
        if (cluster is null)
        {
            return InstanceAt(time);
        }
        var segment = cluster.Segments.FindLast(s => s.From <= time + _settings.ClockTolerance);
        return _state.FindInstance(segment?.InstanceUid ?? cluster.OwnerInstanceUid) ?? InstanceAt(time);
    }
}
