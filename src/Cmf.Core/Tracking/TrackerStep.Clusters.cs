using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

internal sealed partial class TrackerStep
{
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
        // A first list can show the status (STABLE) before the cluster it is about: as if the status had come after it.
        if (listedSince is not null
            && _state.Status.Reported.LifecycleState == LifecycleState.Stable
            && _state.LiveCluster is { Departing: false, StableInstanceUid: null } live && live.Uid == deployment.Uid
            && _state.FindInstance(live.OwnerInstanceUid)?.Generation == _state.Status.Reported.ObservedGeneration)
        {
            Replace(live with { StableInstanceUid = live.OwnerInstanceUid });
        }
    }

    public void EndCluster(string clusterUid, bool approximate, DateTimeOffset? at = null)
    {
        var pendingIndex = _state.HeldClusters.FindIndex(p => p.Deployment.Uid == clusterUid);
        if (pendingIndex >= 0)
        {
            var pending = _state.HeldClusters[pendingIndex];
            _state = _state with { HeldClusters = _state.HeldClusters.SetItem(pendingIndex, pending with { DeletedAt = pending.DeletedAt ?? _now }) };
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

    /// <summary>A full list of JobManager Deployments: clusters missing from it ended while nobody watched.</summary>
    public void ApplyClusterRelist(IReadOnlyList<JobManagerDeploymentSnapshot> deployments)
    {
        var listed = deployments.Select(d => d.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in _state.Clusters.Where(c => c.EndedAt is null && !listed.Contains(c.Uid)).ToList())
        {
            EndCluster(cluster.Uid, approximate: true);
        }
        foreach (var pending in _state.HeldClusters.Where(p => p.DeletedAt is null && !listed.Contains(p.Deployment.Uid)).ToList())
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
        if (_state.LiveCluster is { OwnerSource: ClusterOwnerSource.LatestInstance or ClusterOwnerSource.ObservedGeneration, Segments.Count: <= 1 } cluster
            && cluster.OwnerInstanceUid != instanceUid
            && _state.FindInstance(instanceUid) is { } named)
        {
            Replace(cluster with
            {
                OwnerInstanceUid = named.Uid,
                OwnerSource = ClusterOwnerSource.InstanceAnnotation,
                Segments = [new ClusterSegment(named.Uid, cluster.StartedAt)],
            });
        }
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
            Segments = [new ClusterSegment(owner.Uid, startedAt)],
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

    /// <summary>
    /// Rule 3: after an IGNORE or SCALE change the operator reconciles the new generation on the same JobManager
    /// Deployment and job: the cluster now runs the newer instance, which becomes current; the older one ends
    /// superseded in place.
    /// </summary>
    private void HandOver(ClusterState cluster, InstanceState from, InstanceState to)
    {
        var segments = cluster.Segments.IsEmpty ? [new ClusterSegment(from.Uid, cluster.StartedAt)] : cluster.Segments;
        Replace(cluster with { OwnerInstanceUid = to.Uid, Segments = segments.Add(new ClusterSegment(to.Uid, _now)) });
        if (to.EndedAt is not null)
        {
            Replace(to with { EndedAt = null });
        }
        Record(AppEventKind.ClusterHandedOver,
            $"Cluster {Short(cluster.Uid)} handed over in place from instance #{from.Sequence} to #{to.Sequence}", to.Uid, cluster.Uid);
        EndInstanceIfIdle(from.Uid);
    }

    private void Hold(JobManagerDeploymentSnapshot deployment)
    {
        var index = _state.HeldClusters.FindIndex(p => p.Deployment.Uid == deployment.Uid);
        var pending = index < 0
            ? new HeldCluster(deployment, _now)
            : _state.HeldClusters[index] with { Deployment = deployment };
        _state = _state with
        {
            HeldClusters = index < 0 ? _state.HeldClusters.Add(pending) : _state.HeldClusters.SetItem(index, pending),
        };
    }

    /// <summary>Registers held clusters whose generation has now been seen (or, when forced, every one that waited too long).</summary>
    private void RegisterHeldClusters(bool force)
    {
        if (_state.HeldClusters.IsEmpty || _state.Instances.IsEmpty)
        {
            return;
        }
        var due = _state.HeldClusters
            .Where(p => p.Deployment.GenerationAnnotation is not { } g || g <= _state.Generation || (force && _now - p.SeenAt >= _settings.HeldClusterTimeout))
            .ToList();
        foreach (var pending in due)
        {
            _state = _state with { HeldClusters = _state.HeldClusters.Remove(pending) };
            RegisterCluster(pending.Deployment, pending.SeenAt);
            if (pending.DeletedAt is { } deletedAt)
            {
                EndCluster(pending.Deployment.Uid, approximate: false, deletedAt);
            }
        }
    }

    private (InstanceState Owner, ClusterOwnerSource Source) ChooseOwner(JobManagerDeploymentSnapshot deployment)
    {
        if (deployment.InstanceAnnotation is { } annotated && _state.FindInstance(annotated) is { } named)
        {
            return (named, ClusterOwnerSource.InstanceAnnotation);
        }
        if (_state.Status.Reported.ReconciliationState is ReconciliationState.RollingBack or ReconciliationState.RolledBack
            && RollbackOwner() is { } stable)
        {
            return (stable, ClusterOwnerSource.Rollback);
        }
        if (deployment.GenerationAnnotation is { } generation && InstanceOfGeneration(generation, fallBackToLatest: false) is { } ofGeneration)
        {
            return (ofGeneration, ClusterOwnerSource.GenerationAnnotation);
        }
        if (deployment.GenerationAnnotation is null
            && _state.Status.Reported.ObservedGeneration is { } observed
            && InstanceOfGeneration(observed, fallBackToLatest: false) is { } reconciled)
        {
            return (reconciled, ClusterOwnerSource.ObservedGeneration);
        }
        return (_state.LatestInstance!, ClusterOwnerSource.LatestInstance);
    }

    /// <summary>
    /// A rollback cluster runs <c>lastStableSpec</c>: the instance the last STABLE cluster ran. Never found by hashing
    /// <c>lastStableSpec</c>: since FKO 1.10 it is a Jackson dump with defaults filled in and carries no generation.
    /// </summary>
    private InstanceState? RollbackOwner()
    {
        if (_state.Clusters.FindLast(c => c.StableInstanceUid is not null) is { } stable
            && _state.FindInstance(stable.StableInstanceUid!) is { } instance)
        {
            return instance;
        }
        // Nothing was seen STABLE (history started mid-rollback): the cluster before the failed one is the best guess.
        return _state.Clusters.Count >= 2 ? _state.FindInstance(_state.Clusters[^2].OwnerInstanceUid) : null;
    }
}
