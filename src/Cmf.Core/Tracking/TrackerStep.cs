using System.Collections.Immutable;
using Cmf.Core.Model;
using Cmf.Core.Specs;

namespace Cmf.Core.Tracking;

/// <summary>
/// The working state of one <see cref="InstanceTracker.Apply"/> call. Mutable only inside that call,
/// so the tracker stays pure from the outside.
/// </summary>
internal sealed class TrackerStep
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
        RegisterPendingClusters(force: false);
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
            Status = _state.Status with { LifecycleState = LifecycleState.Deleted },
        };
        Record(AppEventKind.ObjectDeleted, $"FlinkDeployment {reason}");
        if (_state.LatestInstance is { SupersededAt: null } latest)
        {
            // Nothing will replace it: the latest instance is retired and ends with its last cluster.
            Replace(latest with { SupersededAt = _now });
            EndInstanceIfIdle(latest.Uid);
        }
    }

    public void ObserveJobManagerDeployment(JobManagerDeploymentSnapshot deployment, DateTimeOffset? listedSince = null)
    {
        if (_state.FindCluster(deployment.Uid) is { } known)
        {
            if (known.EndedAt is null && ResourceVersions.IsNewer(deployment.ResourceVersion, known.ResourceVersion))
            {
                Replace(known with { ResourceVersion = deployment.ResourceVersion });
            }
            return;
        }
        if (_state.Instances.IsEmpty || deployment.GenerationAnnotation > _state.Generation)
        {
            // Made for a generation we have not seen yet: its owner is decided once we have.
            Hold(deployment);
            return;
        }
        RegisterCluster(deployment, listedSince ?? _now);
    }

    private void RegisterCluster(JobManagerDeploymentSnapshot deployment, DateTimeOffset seenAt)
    {
        var (owner, source) = ChooseOwner(deployment);
        var startedAt = seenAt < owner.CreatedAt ? owner.CreatedAt : seenAt > _now ? _now : seenAt;
        var cluster = new ClusterState
        {
            Uid = deployment.Uid,
            Name = deployment.Name,
            OwnerInstanceUid = owner.Uid,
            OwnerSource = source,
            StartedAt = startedAt,
            ResourceVersion = deployment.ResourceVersion,
            Generation = deployment.GenerationAnnotation,
            DeploymentType = deployment.DeploymentType,
        };
        _state = _state with { Clusters = _state.Clusters.Add(cluster) };
        if (owner.EndedAt is not null)
        {
            Replace(owner with { EndedAt = null });
        }
        Record(AppEventKind.ClusterStarted, $"Cluster {Short(cluster.Uid)} started for instance #{owner.Sequence}", owner.Uid, cluster.Uid);
    }

    private void Hold(JobManagerDeploymentSnapshot deployment)
    {
        var index = _state.PendingClusters.FindIndex(p => p.Deployment.Uid == deployment.Uid);
        var pending = index < 0
            ? new PendingCluster(deployment, _now)
            : _state.PendingClusters[index] with { Deployment = deployment };
        _state = _state with
        {
            PendingClusters = index < 0 ? _state.PendingClusters.Add(pending) : _state.PendingClusters.SetItem(index, pending),
        };
    }

    /// <summary>Registers held clusters whose generation has now been seen (or, when forced, every one that waited too long).</summary>
    private void RegisterPendingClusters(bool force)
    {
        if (_state.PendingClusters.IsEmpty || _state.Instances.IsEmpty)
        {
            return;
        }
        var due = _state.PendingClusters
            .Where(p => p.Deployment.GenerationAnnotation is not { } g || g <= _state.Generation || (force && _now - p.SeenAt >= _settings.PendingClusterTimeout))
            .ToList();
        foreach (var pending in due)
        {
            _state = _state with { PendingClusters = _state.PendingClusters.Remove(pending) };
            RegisterCluster(pending.Deployment, pending.SeenAt);
            if (pending.DeletedAt is { } deletedAt)
            {
                EndCluster(pending.Deployment.Uid, approximate: false, deletedAt);
            }
        }
    }

    public void EndCluster(string clusterUid, bool approximate, DateTimeOffset? at = null)
    {
        var pendingIndex = _state.PendingClusters.FindIndex(p => p.Deployment.Uid == clusterUid);
        if (pendingIndex >= 0)
        {
            var pending = _state.PendingClusters[pendingIndex];
            _state = _state with { PendingClusters = _state.PendingClusters.SetItem(pendingIndex, pending with { DeletedAt = pending.DeletedAt ?? _now }) };
            return;
        }
        if (_state.FindCluster(clusterUid) is not { EndedAt: null } cluster)
        {
            return;
        }
        var endedAt = at ?? _now;
        Replace(cluster with { EndedAt = endedAt, EndIsApproximate = approximate });
        var owner = _state.FindInstance(cluster.OwnerInstanceUid);
        var suffix = approximate ? " (gone while not watched; end time approximate)" : string.Empty;
        Record(AppEventKind.ClusterEnded, $"Cluster {Short(cluster.Uid)} of instance #{owner?.Sequence} ended{suffix}", cluster.OwnerInstanceUid, cluster.Uid);
        EndInstanceIfIdle(cluster.OwnerInstanceUid, endedAt);
    }

    public void ReconcileClusters(IReadOnlyList<JobManagerDeploymentSnapshot> deployments)
    {
        var listed = deployments.Select(d => d.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in _state.Clusters.Where(c => c.EndedAt is null && !listed.Contains(c.Uid)).ToList())
        {
            EndCluster(cluster.Uid, approximate: true);
        }
        foreach (var pending in _state.PendingClusters.Where(p => p.DeletedAt is null && !listed.Contains(p.Deployment.Uid)).ToList())
        {
            EndCluster(pending.Deployment.Uid, approximate: true);
        }
        foreach (var deployment in deployments)
        {
            ObserveJobManagerDeployment(deployment, listedSince: deployment.CreationTimestamp ?? _now);
        }
    }

    public void ObserveJobManagerPod(string instanceUid)
    {
        // The pod names its instance; that corrects an owner we could only guess (rule 2 prefers the annotation).
        if (_state.LiveCluster is { OwnerSource: ClusterOwnerSource.LatestInstance } cluster
            && cluster.OwnerInstanceUid != instanceUid
            && _state.FindInstance(instanceUid) is { } named)
        {
            Replace(cluster with { OwnerInstanceUid = named.Uid, OwnerSource = ClusterOwnerSource.InstanceAnnotation });
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
        RegisterPendingClusters(force: true);
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
        if (_events.Count > 0)
        {
            _state = _state with { Status = _state.Status with { LastChangeAt = _now } };
        }
        return new TrackerResult(_previous, _state, _events.ToImmutable(), _newSpecs.ToImmutable(), pruned);
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
        if (latest is not null && latest.ObjectUid == resource.ObjectUid && latest.SpecHash == spec.SpecHash)
        {
            return;
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
        };
        if (latest is { SupersededAt: null })
        {
            Replace(latest with { SupersededAt = _now });
            EndInstanceIfIdle(latest.Uid);
        }
        _state = _state with { Instances = _state.Instances.Add(instance), LastSequence = sequence };
        _newSpecs.Add(new InstanceSpec(uid, spec.EffectiveSpecJson, spec.SubmittedSpecJson));
        Record(AppEventKind.InstanceCreated, $"Instance #{sequence} created (generation {resource.Generation})", uid);
    }

    private string ChooseUid(FlinkDeploymentSnapshot resource)
    {
        var uid = InstanceUid.For(resource.Spec.InstanceAnnotation, resource.ObjectUid, resource.Generation);
        if (_state.FindInstance(uid) is null)
        {
            return uid;
        }
        // A CMF annotation left unchanged by a direct edit, or new environment defaults at the same generation.
        uid = InstanceUid.FromObject(resource.ObjectUid, resource.Generation);
        return _state.FindInstance(uid) is null
            ? uid
            : InstanceUid.FromObject($"{resource.ObjectUid}/{resource.Spec.SpecHash}", resource.Generation);
    }

    private void ApplyStatus(SpecVersion spec, FlinkDeploymentStatusSnapshot status)
    {
        var before = _state.Status;
        _state = _state with
        {
            Status = before with
            {
                JobState = status.JobState,
                JobId = status.JobId,
                JobName = status.JobName,
                LifecycleState = status.LifecycleState,
                JobManagerDeploymentStatus = status.JobManagerDeploymentStatus,
                ReconciliationState = status.ReconciliationState,
                Error = status.Error,
                ObservedGeneration = status.ObservedGeneration,
                UpgradeSavepointPath = status.UpgradeSavepointPath,
                FlinkVersion = spec.FlinkVersion,
                UpgradeMode = spec.UpgradeMode,
                LastStableSpecHash = status.LastStableSpecHash,
                LastStableGeneration = status.LastStableGeneration,
            },
        };

        if (before.LifecycleState != status.LifecycleState && status.LifecycleState is { } lifecycle)
        {
            Record(AppEventKind.LifecycleChanged, $"Lifecycle {FlinkStateNames.ToWire(lifecycle)}", newStatus: FlinkStateNames.ToWire(lifecycle));
        }
        if (before.Error != status.Error)
        {
            if (status.Error is { } error)
            {
                Record(AppEventKind.ErrorSet, $"Error: {error}");
            }
            else
            {
                Record(AppEventKind.ErrorCleared, "Error cleared");
            }
        }

        if (StatusTarget(status) is { } target)
        {
            ApplyInstanceStatus(target, status);
        }
    }

    /// <summary>Rule 3: status belongs to the live cluster's owner, else to the instance of observedGeneration.</summary>
    private InstanceState? StatusTarget(FlinkDeploymentStatusSnapshot status)
    {
        var stoppedForUpgrade = status.JobState == JobState.Finished && status.ReconciliationState == ReconciliationState.Upgrading;
        if (_state.LiveCluster is { } live && _state.FindInstance(live.OwnerInstanceUid) is { } owner)
        {
            return !stoppedForUpgrade && DeployedBeyond(live, owner, status) is { } newer ? newer : owner;
        }
        if (stoppedForUpgrade && _state.Clusters.LastOrDefault() is { } lastCluster)
        {
            // The savepoint stop reports on the instance whose cluster just went away, not on the one replacing it.
            return _state.FindInstance(lastCluster.OwnerInstanceUid);
        }
        return status.ObservedGeneration is { } observed ? InstanceOfGeneration(observed) : _state.LatestInstance;
    }

    /// <summary>
    /// FlinkDeployments and Deployments arrive on separate watches, so a status can overtake the Deployment
    /// events that explain it. A DEPLOYED status for a newer generation whose spec differs from the live
    /// cluster's describes a cluster we have not seen yet: it belongs to that generation's instance.
    /// </summary>
    private InstanceState? DeployedBeyond(ClusterState live, InstanceState owner, FlinkDeploymentStatusSnapshot status)
    {
        if (status.ReconciliationState != ReconciliationState.Deployed || status.ObservedGeneration is not { } observed)
        {
            return null;
        }
        if (live.Generation is { } deployed && deployed >= observed)
        {
            return null;
        }
        return InstanceOfGeneration(observed, fallBackToLatest: false) is { } target
            && target.Sequence > owner.Sequence
            && target.SpecHash != owner.SpecHash
                ? target
                : null;
    }

    private void ApplyInstanceStatus(InstanceState target, FlinkDeploymentStatusSnapshot status)
    {
        if (status.JobState is null && status.LifecycleState is null && status.Error is null && status.JobId is null)
        {
            return;
        }
        var stoppedForUpgrade = status.JobState == JobState.Finished && status.ReconciliationState == ReconciliationState.Upgrading;
        if (stoppedForUpgrade && target.JobState is { } ended && ended.IsGloballyTerminal() && !target.StoppedForUpgrade)
        {
            // A finite job that had already ended is not "stopped for an upgrade": it keeps its own final state.
            return;
        }
        var updated = target with
        {
            JobState = status.JobState ?? target.JobState,
            JobId = status.JobId ?? target.JobId,
            LifecycleState = status.LifecycleState ?? target.LifecycleState,
            Error = status.Error,
            StoppedForUpgrade = stoppedForUpgrade,
        };
        if (updated == target)
        {
            return;
        }
        Replace(updated with { StatusUpdatedAt = _now });
        if (updated.JobState != target.JobState && updated.JobState is { } job)
        {
            var wire = FlinkStateNames.ToWire(job);
            var note = stoppedForUpgrade ? " (stopped with a savepoint for an upgrade)" : string.Empty;
            Record(AppEventKind.JobStateChanged, $"Job {wire} on instance #{target.Sequence}{note}", target.Uid, newStatus: wire);
        }
    }

    private (InstanceState Owner, ClusterOwnerSource Source) ChooseOwner(JobManagerDeploymentSnapshot deployment)
    {
        if (deployment.InstanceAnnotation is { } annotated && _state.FindInstance(annotated) is { } named)
        {
            return (named, ClusterOwnerSource.InstanceAnnotation);
        }
        if (_state.Status.ReconciliationState is ReconciliationState.RollingBack or ReconciliationState.RolledBack
            && RollbackTarget() is { } stable)
        {
            return (stable, ClusterOwnerSource.Rollback);
        }
        if (deployment.GenerationAnnotation is { } generation && InstanceOfGeneration(generation, fallBackToLatest: false) is { } ofGeneration)
        {
            return (ofGeneration, ClusterOwnerSource.GenerationAnnotation);
        }
        return (_state.LatestInstance!, ClusterOwnerSource.LatestInstance);
    }

    /// <summary>A rollback runs lastStableSpec: find the instance whose effective spec that was.</summary>
    private InstanceState? RollbackTarget()
    {
        var status = _state.Status;
        // Operators up to 1.9 write the generation; it survives their re-serialisation of the spec, the hash may not.
        if (status.LastStableGeneration is { } generation
            && _state.Instances.FindLast(i => i.ObjectUid == _state.ObjectUid && i.Generation == generation) is { } byGeneration)
        {
            return byGeneration;
        }
        if (status.LastStableSpecHash is { } hash && _state.Instances.FindLast(i => i.SpecHash == hash) is { } byHash)
        {
            return byHash;
        }
        // The last cluster's owner was the stable one.
        return _state.Clusters.LastOrDefault() is { } last ? _state.FindInstance(last.OwnerInstanceUid) : null;
    }

    /// <summary>The latest instance of the current object with a generation not above <paramref name="generation"/>.</summary>
    private InstanceState? InstanceOfGeneration(long generation, bool fallBackToLatest = true) =>
        _state.Instances.FindLast(i => i.ObjectUid == _state.ObjectUid && i.Generation <= generation)
        ?? (fallBackToLatest ? _state.LatestInstance : null);

    /// <summary>Rule 4: an instance ends once it is superseded and its last cluster is gone.</summary>
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

    /// <summary>Rule 5: drop the oldest instances beyond the limit, never the latest nor one that owns a live cluster.</summary>
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
