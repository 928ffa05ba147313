using System.Collections.Immutable;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Tracking;

/// <summary>
/// The working state of one <see cref="InstanceTracker.Apply"/> call. Mutable only inside that call,
/// so the tracker stays pure from the outside. Split by concern: instances here, clusters, status and
/// error episodes in the other parts.
/// </summary>
internal sealed partial class TrackerStep
{
    private readonly ApplicationState _previous;
    private readonly DateTimeOffset _now;
    private readonly TrackerSettings _settings;
    private readonly ImmutableList<AppEvent>.Builder _events = ImmutableList.CreateBuilder<AppEvent>();
    private readonly ImmutableList<InstanceSpec>.Builder _newSpecs = ImmutableList.CreateBuilder<InstanceSpec>();
    private ApplicationState _state;

    public TrackerStep(ApplicationState previous, DateTimeOffset now, TrackerSettings settings)
    {
        _previous = previous;
        _now = now;
        _settings = settings;
        _state = previous;
    }

    public void ObserveFlinkDeployment(FlinkDeploymentSnapshot resource)
    {
        if (IsStale(resource))
        {
            return;
        }
        if (_state.ObjectUid is { } knownUid && knownUid != resource.ObjectUid)
        {
            Record(AppEventKind.ObjectRecreated, $"FlinkDeployment re-created (object {Short(resource.ObjectUid)} replaces {Short(knownUid)})");
        }
        else if (_state.ObjectDeleted)
        {
            Record(AppEventKind.ObjectRecreated, $"FlinkDeployment re-created (object {Short(resource.ObjectUid)})");
        }

        _state = _state with
        {
            ObjectUid = resource.ObjectUid,
            ResourceVersion = resource.ResourceVersion,
            Generation = resource.Generation,
            ObjectDeleted = false,
            LastRejection = null,
        };
        ApplySpec(resource);
        RegisterHeldClusters(force: false);
        ApplyStatus(resource.Spec, resource.Status);
    }

    public void DeleteFlinkDeployment(string? objectUid, string? resourceVersion, string reason)
    {
        if (_state.ObjectDeleted || _state.ObjectUid is null || objectUid != _state.ObjectUid)
        {
            return;
        }
        _state = _state with
        {
            ObjectDeleted = true,
            ResourceVersion = resourceVersion ?? _state.ResourceVersion,
            Status = _state.Status with { Reported = _state.Status.Reported with { LifecycleState = LifecycleState.Deleted } },
        };
        Record(AppEventKind.ObjectDeleted, $"FlinkDeployment {reason}");
        CloseErrorEpisode();
        if (_state.LatestInstance is { SupersededAt: null } latest)
        {
            // Nothing will replace it: the latest instance is retired and ends with its last cluster.
            Replace(latest with { SupersededAt = _now });
            EndInstanceIfIdle(latest.Uid);
        }
    }

    public void Reject(ResourceRejected rejected)
    {
        var marker = $"{rejected.Kind}@{rejected.ResourceVersion}";
        if (_state.LastRejection == marker)
        {
            return;
        }
        _state = _state with { LastRejection = marker };
        Record(AppEventKind.ResourceRejected, $"{rejected.Kind} skipped: {rejected.Reason}");
    }

    public TrackerResult Finish()
    {
        RegisterHeldClusters(force: true);
        var pruned = Prune(_settings.MaxInstancesPerApplication);
        if (_previous.CurrentInstanceUid != _state.CurrentInstanceUid && _state.CurrentInstanceUid is { } current)
        {
            var sequence = _state.FindInstance(current)?.Sequence;
            Record(AppEventKind.CurrentInstanceChanged, $"Instance #{sequence} is now the current deployed instance", current);
        }
        if (ReferenceEquals(_state, _previous) && _events.Count == 0)
        {
            return TrackerResult.Unchanged(_previous);
        }
        // A change of their inputs may move the outcome of any instance (a new instance supersedes, a rollback's cluster
        // names an older one); a status write that moves none of them (an error text, a job id), an operator Event or a
        // snapshot moves no outcome, and the rules, which read the whole history, are not run for it.
        if (OutcomeInputsChanged())
        {
            _state = InstanceOutcomeRules.Apply(_state);
        }
        // The operator's own Events are not changes of the application: a relist re-sends them all.
        if (_events.Exists(e => e.Kind != AppEventKind.OperatorEvent))
        {
            _state = _state with { Status = _state.Status with { LastChangeAt = _now } };
        }
        return new TrackerResult(_previous, _state, _events.ToImmutable(), _newSpecs.ToImmutable(), pruned);
    }

    private bool OutcomeInputsChanged() =>
        _state.PendingInstance?.Uid != _previous.PendingInstance?.Uid
        || _state.ErrorEpisode?.PendingInstanceUid != _previous.ErrorEpisode?.PendingInstanceUid
        || Moved(_previous.Instances, _state.Instances, InstanceOutcomeRules.InputsOf)
        || Moved(_previous.Clusters, _state.Clusters, InstanceOutcomeRules.InputsOf);


    /// <summary>Whether an item was added or removed, or one replaced with different outcome inputs.</summary>
    private static bool Moved<T, TInputs>(ImmutableList<T> before, ImmutableList<T> after, Func<T, TInputs> inputsOf)
        where T : class
    {
        if (ReferenceEquals(before, after))
        {
            return false;
        }
        if (before.Count != after.Count)
        {
            return true;
        }
        for (var index = 0; index < after.Count; index++)
        {
            var (earlier, later) = (before[index], after[index]);
            if (!ReferenceEquals(earlier, later) && !Equals(inputsOf(earlier), inputsOf(later)))
            {
                return true;
            }
        }
        return false;
    }

    private bool IsStale(FlinkDeploymentSnapshot resource)
    {
        if (_state.ObjectUid != resource.ObjectUid)
        {
            return false;
        }
        return !ResourceVersions.IsNewer(resource.ResourceVersion, _state.ResourceVersion)
            || resource.Generation < _state.Generation;
    }

    private void ApplySpec(FlinkDeploymentSnapshot resource)
    {
        var latest = _state.LatestInstance;
        var spec = resource.Spec;
        if (latest is not null && latest.ObjectUid == resource.ObjectUid)
        {
            if (latest.SpecHash == spec.SpecHash)
            {
                return;
            }
            if (latest.Generation == resource.Generation)
            {
                // The API server bumps the generation on every spec change, so the spec is the one we have. Only a
                // store written before effective specs stopped merging environment defaults hashes it otherwise.
                Replace(latest with { SpecHash = spec.SpecHash });
                return;
            }
        }

        var uid = ChooseUid(resource);
        var sequence = _state.LastSequence + 1;
        var instance = new InstanceState
        {
            Uid = uid,
            Sequence = sequence,
            ObjectUid = resource.ObjectUid,
            Generation = resource.Generation,
            SpecHash = spec.SpecHash,
            CreatedAt = _now,
            FlinkVersion = spec.FlinkVersion,
            UpgradeMode = spec.UpgradeMode,
            ChangedBy = resource.Attribution?.ChangedBy,
            ChangedAt = resource.Attribution?.ChangedAt,
            ChangeOrigin = resource.Attribution?.ChangeOrigin,
        };
        if (latest is { SupersededAt: null })
        {
            Replace(latest with { SupersededAt = _now });
            EndInstanceIfIdle(latest.Uid);
        }
        _state = _state with { Instances = _state.Instances.Add(instance), LastSequence = sequence };
        _newSpecs.Add(new InstanceSpec(uid, spec.EffectiveSpecJson));
        Record(AppEventKind.InstanceCreated, $"Instance #{sequence} created (generation {resource.Generation})", uid);
    }

    private string ChooseUid(FlinkDeploymentSnapshot resource)
    {
        var uid = InstanceUid.For(resource.Spec.InstanceAnnotation, resource.ObjectUid, resource.Generation);
        if (_state.FindInstance(uid) is null)
        {
            return uid;
        }
        // A CMF annotation left unchanged by a direct edit of the spec.
        uid = InstanceUid.FromObject(resource.ObjectUid, resource.Generation);
        return _state.FindInstance(uid) is null
            ? uid
            : InstanceUid.FromObject($"{resource.ObjectUid}/{resource.Spec.SpecHash}", resource.Generation);
    }

    /// <summary>The latest instance of the current object with a generation not above <paramref name="generation"/>.</summary>
    private InstanceState? InstanceOfGeneration(long generation, bool fallBackToLatest = true) =>
        _state.Instances.FindLast(i => i.ObjectUid == _state.ObjectUid && i.Generation <= generation)
        ?? (fallBackToLatest ? _state.LatestInstance : null);

    /// <summary>Rule 7: an instance ends once it is superseded and no live cluster runs it.</summary>
    private void EndInstanceIfIdle(string instanceUid, DateTimeOffset? at = null)
    {
        if (_state.FindInstance(instanceUid) is not { SupersededAt: not null, EndedAt: null } instance)
        {
            return;
        }
        if (_state.Clusters.Exists(c => c.OwnerInstanceUid == instanceUid && c.EndedAt is null))
        {
            return;
        }
        Replace(instance with { EndedAt = at ?? _now });
    }

    /// <summary>
    /// Rule 4: a superseded instance whose clusters have all ended never changes its job id or final job state
    /// again (FKO writes the next job's id while the old job is still reported FINISHED, before the new cluster exists).
    /// </summary>
    private bool IsFrozen(InstanceState instance) =>
        instance.SupersededAt is not null
        && _state.Clusters.Exists(c => c.Ran(instance.Uid))
        && !_state.Clusters.Exists(c => c.EndedAt is null && c.OwnerInstanceUid == instance.Uid);

    /// <summary>Retention: drop the oldest instances beyond the limit, never the latest nor one that runs a live cluster.</summary>
    private ImmutableList<string> Prune(int maxInstances)
    {
        if (_state.Instances.Count <= maxInstances)
        {
            return [];
        }
        var latest = _state.LatestInstance!.Uid;
        var live = _state.Clusters.Where(c => c.EndedAt is null).Select(c => c.OwnerInstanceUid).ToHashSet(StringComparer.Ordinal);
        var excess = _state.Instances.Count - maxInstances;
        var victims = _state.Instances
            .Where(i => i.Uid != latest && !live.Contains(i.Uid))
            .Take(excess)
            .Select(i => i.Uid)
            .ToHashSet(StringComparer.Ordinal);
        if (victims.Count == 0)
        {
            return [];
        }
        _state = _state with
        {
            Instances = _state.Instances.RemoveAll(i => victims.Contains(i.Uid)),
            Clusters = _state.Clusters.RemoveAll(c => victims.Contains(c.OwnerInstanceUid)),
        };
        return [.. victims];
    }

    private void Replace(InstanceState instance)
    {
        var index = _state.Instances.FindIndex(i => i.Uid == instance.Uid);
        _state = _state with { Instances = _state.Instances.SetItem(index, instance) };
    }

    private void Replace(ClusterState cluster)
    {
        var index = _state.Clusters.FindIndex(c => c.Uid == cluster.Uid);
        _state = _state with { Clusters = _state.Clusters.SetItem(index, cluster) };
    }

    private void Record(AppEventKind kind, string message, string? instanceUid = null, string? clusterUid = null, string? newStatus = null) =>
        _events.Add(new AppEvent(_now, kind, message) { InstanceUid = instanceUid, ClusterUid = clusterUid, NewStatus = newStatus });

    private static string Short(string uid) => uid.Length > 8 ? uid[..8] : uid;
}
