using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Storage.Reading;
using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cmf.Core.Storage.Writing;

/// <summary>Rebuilds the tracker's <see cref="ApplicationState"/> from the rows (no spec texts).</summary>
internal static class StateLoader
{
    public static async Task<ApplicationState?> LoadAsync(CmfDbContext db, ApplicationKey key, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Environment == key.Environment && a.Name == key.Name, cancellationToken);
        if (application is null)
        {
            return null;
        }
        var instances = await db.Instances.AsNoTracking()
            .Where(i => i.ApplicationId == application.Id)
            .OrderBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking()
            .Where(c => c.ApplicationId == application.Id)
            .OrderBy(c => c.StartedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var snapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return ToState(application, instances, clusters, snapshots);
    }

    /// <summary>Up to <paramref name="count"/> applications with an id above <paramref name="afterId"/>, in id order.</summary>
    public static async Task<IReadOnlyList<(long Id, ApplicationState State)>> LoadChunkAsync(
        CmfDbContext db, long afterId, int count, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.Id > afterId)
            .OrderBy(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return [];
        }
        var first = applications[0].Id;
        var last = applications[^1].Id;
        var instances = (await db.Instances.AsNoTracking()
            .Where(i => i.ApplicationId >= first && i.ApplicationId <= last)
            .OrderBy(i => i.ApplicationId).ThenBy(i => i.Sequence)
            .ToListAsync(cancellationToken)).ToLookup(i => i.ApplicationId);
        var clusters = (await db.Clusters.AsNoTracking()
            .Where(c => c.ApplicationId >= first && c.ApplicationId <= last)
            .OrderBy(c => c.ApplicationId).ThenBy(c => c.StartedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken)).ToLookup(c => c.ApplicationId);
        var snapshots = (await db.Snapshots.AsNoTracking()
            .Where(s => s.ApplicationId >= first && s.ApplicationId <= last)
            .OrderBy(s => s.ApplicationId).ThenBy(s => s.CreatedAt).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken)).ToLookup(s => s.ApplicationId);
        return applications
            .Select(a => (a.Id, ToState(a, [.. instances[a.Id]], [.. clusters[a.Id]], [.. snapshots[a.Id]])))
            .ToList();
    }

    private static ApplicationState ToState(
        StoredApplication a, IReadOnlyList<StoredInstance> instances, IReadOnlyList<StoredCluster> clusters, IReadOnlyList<StoredSnapshot> snapshots) => new()
    {
        Key = new ApplicationKey(a.Environment, a.Name),
        Namespace = a.Namespace,
        ObjectUid = a.ObjectUid,
        ResourceVersion = a.ResourceVersion,
        Generation = a.Generation,
        ObjectDeleted = a.ObjectDeleted,
        LastSequence = a.LastSequence,
        LastRejection = a.LastRejection,
        HeldClusters = TrackerMemoryJson.ReadHeldClusters(a.PendingClustersJson),
        ErrorEpisode = TrackerMemoryJson.ReadErrorEpisode(a.ErrorEpisodeJson),
        Instances = [.. instances.Select(ViewMapping.ToState)],
        Clusters = [.. clusters.Select(ViewMapping.ToState)],
        Snapshots = [.. snapshots.Select(ToState)],
        Status = new ApplicationStatus
        {
            Reported = new FlinkDeploymentStatusSnapshot
            {
                JobState = a.JobState,
                JobId = a.JobId,
                JobName = a.JobName,
                LifecycleState = a.LifecycleState,
                JobManagerDeploymentStatus = a.JobManagerDeploymentStatus,
                ReconciliationState = a.ReconciliationState,
                Error = a.Error,
                ObservedGeneration = a.ObservedGeneration,
                UpgradeSavepointPath = a.UpgradeSavepointPath,
            },
            FlinkVersion = a.FlinkVersion,
            UpgradeMode = a.UpgradeMode,
            LastChangeAt = a.LastChangeAt,
        },
    };

    private static SnapshotState ToState(StoredSnapshot s) => new()
    {
        Resource = new FlinkStateSnapshotResource
        {
            Uid = s.Uid,
            Name = s.Name,
            ResourceVersion = s.ResourceVersion,
            CreatedAt = s.CreatedAt,
            SnapshotType = s.SnapshotType,
            TriggerType = s.TriggerType,
            State = s.State,
            Path = s.Path,
            Error = s.Error,
            Failures = s.Failures,
            TriggeredAt = s.TriggeredAt,
            ResultAt = s.ResultAt,
        },
        InstanceUid = s.InstanceUid,
        SeenAt = s.SeenAt,
    };
}
