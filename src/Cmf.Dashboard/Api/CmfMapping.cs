using Cmf.Core.Tracking;
using System.Globalization;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Api;

/// <summary>Store views to CMF's wire shapes; every spec goes through <see cref="DisplayedSpec"/> so no secret leaves.</summary>
public static class CmfMapping
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static CmfEnvironment Environment(EnvironmentSummary environment) => new()
    {
        Name = environment.Name,
        KubernetesNamespace = environment.Namespace,
        Metadata = new CmfEnvironmentMetadata(environment.Name),
        FlinkApplicationDefaults = environment.DefaultsJson is { } defaults ? DisplayedSpec.Object(defaults) : null,
    };

    /// <summary>An application row of a list: the list row carries the job state, lifecycle and current instance.</summary>
    public static CmfApplication Application(ApplicationSummary summary, string? submittedSpecJson) => new()
    {
        Metadata = new CmfApplicationMetadata
        {
            Name = summary.Key.Name,
            UpdateTimestamp = Optional(summary.LastChangeAt),
        },
        Spec = DisplayedSpec.Object(submittedSpecJson),
        Status = Status(summary, detail: null),
    };

    public static CmfApplication Application(ApplicationDetailView detail, string? submittedSpecJson) => new()
    {
        Metadata = new CmfApplicationMetadata
        {
            Name = detail.Summary.Key.Name,
            Uid = detail.ObjectUid,
            UpdateTimestamp = Optional(detail.Summary.LastChangeAt),
        },
        Spec = DisplayedSpec.Object(submittedSpecJson),
        Status = Status(detail.Summary, detail),
    };

    public static CmfInstance Instance(InstanceState instance, string? effectiveSpecJson) => new()
    {
        Metadata = new CmfInstanceMetadata
        {
            Name = instance.Uid,
            Uid = instance.Uid,
            CreationTimestamp = Time(instance.CreatedAt),
            UpdateTimestamp = Time(instance.StatusUpdatedAt ?? instance.CreatedAt),
            Annotations = AttributionAnnotations(instance),
        },
        Status = new CmfInstanceStatus(
            DisplayedSpec.Object(effectiveSpecJson),
            new CmfJobStatus { State = WireNames.Of(instance.JobState), JobId = instance.JobId }),
    };

    /// <summary>The field manager that wrote the instance's spec change (kubectl-patch, argocd-controller, helm, ...).</summary>
    public const string ChangedByAnnotation = "cmf-fa.dashboard/changed-by";

    /// <summary>When that manager wrote it (its managedFields entry's time).</summary>
    public const string ChangedAtAnnotation = "cmf-fa.dashboard/changed-at";

    /// <summary>The delivery tool's tracking (Argo CD or Flux application and revision), when present.</summary>
    public const string ChangeOriginAnnotation = "cmf-fa.dashboard/change-origin";

    private static Dictionary<string, string>? AttributionAnnotations(InstanceState instance)
    {
        var annotations = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(instance.ChangedBy))
        {
            annotations[ChangedByAnnotation] = instance.ChangedBy;
        }
        if (instance.ChangedAt is { } changedAt)
        {
            annotations[ChangedAtAnnotation] = Time(changedAt);
        }
        if (!string.IsNullOrEmpty(instance.ChangeOrigin))
        {
            annotations[ChangeOriginAnnotation] = instance.ChangeOrigin;
        }
        return annotations.Count == 0 ? null : annotations;
    }

    /// <summary>How often the operator reported a repeated event; its creationTimestamp is the first time.</summary>
    public const string RepeatCountAnnotation = "cmf-fa.dashboard/count";

    public const string LastSeenAnnotation = "cmf-fa.dashboard/last-seen";

    /// <summary>An event's name (and uid): its id.</summary>
    public static string EventName(EventView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Id.ToString(CultureInfo.InvariantCulture);
    }

    public static CmfEvent Event(EventView e)
    {
        var id = EventName(e);
        return new CmfEvent
        {
            Metadata = new CmfEventMetadata
            {
                Name = id,
                Uid = id,
                CreationTimestamp = Time(e.Timestamp),
                FlinkApplicationInstance = e.InstanceUid,
                Annotations = e.Count > 1
                    ? new Dictionary<string, string>
                    {
                        [RepeatCountAnnotation] = e.Count.ToString(CultureInfo.InvariantCulture),
                        [LastSeenAnnotation] = Time(e.LastSeenAt ?? e.Timestamp),
                    }
                    : null,
            },
            Status = new CmfEventStatus(SecretMasker.Display(EventMessage(e)), e.CmfType)
            {
                Data = string.IsNullOrEmpty(e.NewStatus) ? null : new CmfEventData(e.NewStatus),
            },
        };
    }

    /// <summary>An operator event reads as <c>kubectl get events</c> shows it, reason first: "SpecChanged: UPGRADE change(s) ...".</summary>
    private static string EventMessage(EventView e) =>
        e.IsOperatorEvent && !string.IsNullOrEmpty(e.Reason) ? $"{e.Reason}: {e.Message}" : e.Message;

    private static CmfApplicationStatus Status(ApplicationSummary summary, ApplicationDetailView? detail) => new()
    {
        JobStatus = new CmfJobStatus
        {
            State = WireNames.Of(summary.JobState),
            JobId = detail?.JobId,
            JobName = detail?.JobName,
            UpgradeSavepointPath = detail?.UpgradeSavepointPath,
        },
        LifecycleState = WireNames.Of(summary.LifecycleState),
        JobManagerDeploymentStatus = WireNames.Of(detail?.JobManagerDeploymentStatus),
        ReconciliationStatus = WireNames.Of(detail?.ReconciliationState) is { } state ? new CmfReconciliationStatus(state) : null,
        ObservedGeneration = detail?.ObservedGeneration,
        Error = summary.Error is { } error ? SecretMasker.Display(error) : null,
        CurrentDeployedInstanceName = summary.CurrentInstance?.Uid,
    };

    private static string? Optional(DateTimeOffset? time) => time is { } t ? Time(t) : null;
}
