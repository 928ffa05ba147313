using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Api;

/// <summary>Store views to the extension API's shapes (also what the status hub pushes); specs leave masked.</summary>
public static class ExtensionMapping
{
    /// <param name="environmentDefaultsJson">The environment's <c>flinkApplicationDefaults</c> (secrets as fingerprint tokens), null when it has none.</param>
    public static InstanceResource Instance(InstanceDetailView detail, string? environmentDefaultsJson)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var (environment, application) = detail.Application;
        var instance = detail.Instance;
        return new InstanceResource
        {
            Uid = instance.Uid,
            Environment = environment,
            Application = application,
            Sequence = instance.Sequence,
            Generation = instance.Generation,
            CreatedAt = instance.CreatedAt,
            SupersededAt = instance.SupersededAt,
            EndedAt = instance.EndedAt,
            JobState = WireNames.Of(instance.JobState),
            JobId = instance.JobId,
            LifecycleState = WireNames.Of(instance.LifecycleState),
            Error = instance.Error is { } error ? SecretMasker.Display(error) : null,
            Stop = StopName(instance.Stop),
            StopSavepointPath = instance.StopSavepointPath,
            ReconciledAt = instance.ReconciledAt,
            StatusUpdatedAt = instance.StatusUpdatedAt,
            FlinkVersion = instance.FlinkVersion,
            UpgradeMode = instance.UpgradeMode,
            ChangedBy = instance.ChangedBy,
            ChangedAt = instance.ChangedAt,
            ChangeOrigin = instance.ChangeOrigin,
            IsCurrent = detail.IsCurrent,
            IsLatest = detail.IsLatest,
            PreviousInstanceUid = detail.PreviousInstanceUid,
            NextInstanceUid = detail.NextInstanceUid,
            EffectiveSpec = DisplayedSpec.Object(detail.EffectiveSpecJson),
            EnvironmentDefaultPaths = Model.EnvironmentDefaultMarks.MatchingPaths(detail.EffectiveSpecJson, environmentDefaultsJson),
            Clusters = [.. detail.Clusters.Select(Cluster)],
            Links = new InstanceLinks(
                DashboardUrls.InstanceUrl(environment, application, instance.Uid),
                DashboardUrls.CmfApiInstanceUrl(environment, application, instance.Uid))
            {
                SpecYaml = DashboardUrls.ApiInstanceSpecUrl(instance.Uid),
                DiffWithPrevious = detail.PreviousInstanceUid is { } previous ? DashboardUrls.ApiDiffUrl(environment, application, previous, instance.Uid) : null,
            },
        };
    }

    public static ClusterResource Cluster(ClusterState cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new ClusterResource
        {
            Uid = cluster.Uid,
            Name = cluster.Name,
            OwnerInstanceUid = cluster.OwnerInstanceUid,
            OwnerSource = cluster.OwnerSource.ToString(),
            Segments = [.. cluster.Segments.Select(s => new ClusterSegmentResource(s.InstanceUid, s.From))],
            StartedAt = cluster.StartedAt,
            EndedAt = cluster.EndedAt,
            EndIsApproximate = cluster.EndIsApproximate,
            Generation = cluster.Generation,
            DeploymentType = cluster.DeploymentType,
        };
    }

    public static TimelineResource Timeline(ApplicationTimeline timeline, TimeRange? range)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var instances = timeline.Instances.Select(i => new TimelineInstanceResource
        {
            Uid = i.Uid,
            Sequence = i.Sequence,
            CreatedAt = i.CreatedAt,
            SupersededAt = i.SupersededAt,
            EndedAt = i.EndedAt,
            JobState = WireNames.Of(i.JobState),
            Stop = StopName(i.Stop),
            StopSavepointPath = i.StopSavepointPath,
            ReconciledAt = i.ReconciledAt,
        });
        return new TimelineResource(timeline.Application.Environment, timeline.Application.Name, [.. instances], [.. timeline.Clusters.Select(Cluster)])
        {
            From = range?.From,
            To = range?.To,
        };
    }

    private static string? StopName(InstanceStop stop) => stop == InstanceStop.None ? null : FlinkStateNames.ToWire(stop);
}
