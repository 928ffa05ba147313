using System.Text.Json.Nodes;
using Cmf.Core.Attribution;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

public static partial class ObservationMapper
{
    /// <summary>
    /// A FlinkDeployment: <see cref="FlinkDeploymentObserved"/> (or <see cref="FlinkDeploymentDeleted"/>
    /// when <paramref name="deleted"/>), else <see cref="ResourceRejected"/>. A deleted object needs only
    /// readable metadata: a broken spec must not hide the deletion. A <paramref name="cache"/> saves the
    /// spec work of status-only updates.
    /// </summary>
    public static Observation MapFlinkDeployment(
        EnvironmentInfo environment, JsonNode? resource, bool deleted = false, SpecVersionCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Guarded(environment, resource, FlinkDeploymentReader.Kind, () => deleted
            ? Deleted(environment, resource)
            : Observed(environment, resource, cache))!;
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

    private static Observation Observed(EnvironmentInfo environment, JsonNode? resource, SpecVersionCache? cache)
    {
        // A status-only update of a generation already read skips the spec checks (the cache would skip the spec work too).
        var read = FlinkDeploymentReader.Read(resource, cache is null ? null : m => m.Uid is { } objectUid && m.Generation is { } version
            && cache.Holds(objectUid, version));
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
        var (uid, generation) = (metadata.Uid!, metadata.Generation!.Value);
        var firstOfGeneration = cache?.Holds(uid, generation) != true;
        var version = cache?.Version(uid, generation, spec) ?? SpecVersionFactory.Create(spec);
        var snapshot = new FlinkDeploymentSnapshot
        {
            ObjectUid = uid,
            ResourceVersion = metadata.ResourceVersion!,
            Generation = generation,
            CreationTimestamp = metadata.CreationTimestamp,
            Spec = version,
            Status = StatusSnapshot(status, version.Scrubber),
            Attribution = firstOfGeneration ? Attribution(resource, metadata, spec, status, version) : null,
        };
        return new FlinkDeploymentObserved(Key(environment, metadata), @namespace, snapshot);
    }

    /// <summary>
    /// The status texts are scrubbed here, before anything stores or logs them (DESIGN 3.2 rule 10). An error may quote
    /// the spec the cluster still runs rather than the new one, so it is scrubbed with the secrets of the specs the
    /// operator last reconciled and last found stable as well.
    /// </summary>
    private static FlinkDeploymentStatusSnapshot StatusSnapshot(FlinkDeploymentStatus status, SecretScrubber scrubber)
    {
        if (status.Error is not null && status.ReconciliationStatus is { } reconciliation)
        {
            scrubber = scrubber.Including([
                LastSpecDocument.Read(reconciliation.LastReconciledSpec)?.Spec,
                LastSpecDocument.Read(reconciliation.LastStableSpec)?.Spec,
            ]);
        }
        return new()
        {
            JobState = status.JobStatus?.State,
            JobId = status.JobStatus?.JobId,
            JobName = scrubber.Scrub(status.JobStatus?.JobName),
            LifecycleState = status.LifecycleState,
            JobManagerDeploymentStatus = status.JobManagerDeploymentStatus,
            ReconciliationState = status.ReconciliationStatus?.State,
            Error = scrubber.Scrub(status.Error),
            ObservedGeneration = status.ObservedGeneration,
            UpgradeSavepointPath = scrubber.Scrub(status.JobStatus?.UpgradeSavepointPath),
        };
    }

    /// <summary>
    /// Read once per generation: the tracker takes it only when a generation makes a new instance, and status-only
    /// updates (most events) would otherwise parse <c>lastReconciledSpec</c> each time. The operator's last reconciled
    /// spec is the previous instance's spec while a change waits for it, which is when a new instance is made.
    /// </summary>
    private static ChangeAttribution? Attribution(JsonNode? resource, ObjectMetadata metadata, JsonObject spec, FlinkDeploymentStatus status, SpecVersion version) =>
        ChangeAttributor.Attribute(
            (resource as JsonObject)?["metadata"],
            metadata,
            spec,
            LastSpecDocument.Read(status.ReconciliationStatus?.LastReconciledSpec)?.Spec,
            managedByCmf: version.InstanceAnnotation is not null);

    private static ApplicationKey Key(EnvironmentInfo environment, ObjectMetadata metadata) => new(environment.Name, metadata.Name);
}
