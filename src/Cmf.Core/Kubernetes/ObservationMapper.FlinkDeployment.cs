using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Kubernetes;

public static partial class ObservationMapper
{
    /// <summary>
    /// A FlinkDeployment: <see cref="FlinkDeploymentObserved"/> (or <see cref="FlinkDeploymentDeleted"/>
    /// when <paramref name="deleted"/>), else <see cref="ResourceRejected"/>. A deleted object needs only
    /// readable metadata: a broken spec must not hide the deletion.
    /// </summary>
    public static Observation MapFlinkDeployment(EnvironmentInfo environment, JsonNode? resource, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Guarded(environment, resource, FlinkDeploymentReader.Kind, () => deleted
            ? Deleted(environment, resource)
            : Observed(environment, resource))!;
    }

    private static Observation Deleted(EnvironmentInfo environment, JsonNode? resource)
    {
        var read = ObjectMetadata.Read(resource);
        if (!read.IsValid)
        {
            return Rejected(environment, resource, FlinkDeploymentReader.Kind, read.Error);
        }
        var metadata = read.Value;
        var (@namespace, error) = NamespaceOf(environment, metadata);
        error ??= metadata.Uid is null ? "metadata.uid: missing" : null;
        return error is not null
            ? Rejected(environment, resource, FlinkDeploymentReader.Kind, error)
            : new FlinkDeploymentDeleted(Key(environment, metadata), @namespace, metadata.Uid!, metadata.ResourceVersion);
    }

    private static Observation Observed(EnvironmentInfo environment, JsonNode? resource)
    {
        var read = FlinkDeploymentReader.Read(resource);
        if (!read.IsValid)
        {
            return Rejected(environment, resource, FlinkDeploymentReader.Kind, read.Error);
        }
        var (metadata, spec, status) = read.Value;
        var (@namespace, error) = NamespaceOf(environment, metadata);
        error ??= metadata.Uid is null ? "metadata.uid: missing"
            : metadata.ResourceVersion is null ? "metadata.resourceVersion: missing"
            : metadata.Generation is null ? "metadata.generation: missing"
            : null;
        if (error is not null)
        {
            return Rejected(environment, resource, FlinkDeploymentReader.Kind, error);
        }
        var defaults = environment.FlinkApplicationDefaults;
        var snapshot = new FlinkDeploymentSnapshot
        {
            ObjectUid = metadata.Uid!,
            ResourceVersion = metadata.ResourceVersion!,
            Generation = metadata.Generation!.Value,
            CreationTimestamp = metadata.CreationTimestamp,
            Spec = SpecVersionFactory.Create(defaults, spec),
            Status = StatusSnapshot(defaults, status),
        };
        return new FlinkDeploymentObserved(Key(environment, metadata), @namespace, snapshot);
    }

    private static FlinkDeploymentStatusSnapshot StatusSnapshot(JsonObject? defaults, FlinkDeploymentStatus status)
    {
        // A rollback runs lastStableSpec: hashed like any spec so the tracker can find its instance.
        var lastStable = LastSpecDocument.Read(status.ReconciliationStatus?.LastStableSpec);
        return new FlinkDeploymentStatusSnapshot
        {
            JobState = status.JobStatus?.State,
            JobId = status.JobStatus?.JobId,
            JobName = status.JobStatus?.JobName,
            LifecycleState = status.LifecycleState,
            JobManagerDeploymentStatus = status.JobManagerDeploymentStatus,
            ReconciliationState = status.ReconciliationStatus?.State,
            Error = status.Error,
            ObservedGeneration = status.ObservedGeneration,
            UpgradeSavepointPath = status.JobStatus?.UpgradeSavepointPath,
            LastStableSpecHash = lastStable is null ? null : SpecVersionFactory.Hash(defaults, lastStable.Spec),
            LastStableGeneration = lastStable?.Generation,
        };
    }

    private static ApplicationKey Key(EnvironmentInfo environment, ObjectMetadata metadata) => new(environment.Name, metadata.Name);
}
