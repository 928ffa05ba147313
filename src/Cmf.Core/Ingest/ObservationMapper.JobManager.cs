using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

public static partial class ObservationMapper
{
    /// <summary>
    /// A JobManager Deployment (label <c>component=jobmanager</c>) that FKO made for a FlinkDeployment: one cluster of
    /// the application its ownerReference names (FKO sets it, <c>AbstractFlinkResourceReconciler.setOwnerReference</c>).
    /// Null for other Deployments, including JobManagers without that owner: Flink's own standalone manifests and
    /// <c>kubernetes-session.sh</c> clusters carry the same labels. An unreadable generation annotation counts as
    /// absent: the tracker then falls back to the latest instance rather than losing the cluster.
    /// </summary>
    public static Observation? MapJobManagerDeployment(EnvironmentInfo environment, JsonNode? resource, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Guarded(environment, resource, DeploymentKind, () =>
        {
            var read = ObjectMetadata.Read(resource);
            if (!read.IsValid)
            {
                return Rejected(environment, resource, DeploymentKind, read.Error);
            }
            var metadata = read.Value;
            if (!IsJobManager(metadata) || FlinkDeploymentOwner(metadata) is not { } owner)
            {
                return null;
            }
            var fields = new JsonFieldReader();
            var spec = fields.Object((JsonObject)resource!, "", "spec");
            var template = fields.Object(spec, "spec", "template");
            var templateMetadata = fields.Object(template, "spec.template", "metadata");
            var templateAnnotations = fields.StringMap(templateMetadata, "spec.template.metadata", "annotations");
            var (@namespace, error) = NamespaceOf(environment, metadata);
            error ??= fields.Error ?? (metadata.Uid is null ? "metadata.uid: missing" : null);
            if (error is not null)
            {
                return Rejected(environment, resource, DeploymentKind, error);
            }
            var deployment = new JobManagerDeploymentSnapshot
            {
                Uid = metadata.Uid!,
                Name = metadata.Name,
                ResourceVersion = metadata.ResourceVersion,
                CreationTimestamp = metadata.CreationTimestamp,
                GenerationAnnotation = metadata.Annotations.TryGetValue(MetadataKeys.GenerationAnnotation, out var generation)
                    && long.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
                InstanceAnnotation = templateAnnotations.TryGetValue(MetadataKeys.InstanceAnnotation, out var instance)
                    && InstanceUid.IsValid(instance) ? instance : null,
                DeploymentType = metadata.Labels.GetValueOrDefault(MetadataKeys.TypeLabel),
            };
            var key = new ApplicationKey(environment.Name, owner.Name);
            return deleted
                ? new JobManagerDeploymentDeleted(key, @namespace, deployment)
                : new JobManagerDeploymentObserved(key, @namespace, deployment);
        });
    }

    /// <summary>
    /// A JobManager pod carrying CMF's instance annotation names the instance its cluster runs. Pods
    /// without it, other pods and deleted pods yield nothing (the Deployment says when a cluster ends);
    /// an annotation that is not a valid instance UID is rejected.
    /// </summary>
    public static Observation? MapJobManagerPod(EnvironmentInfo environment, JsonNode? resource, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (deleted)
        {
            return null;
        }
        return Guarded(environment, resource, PodKind, () =>
        {
            var read = ObjectMetadata.Read(resource);
            if (!read.IsValid)
            {
                return Rejected(environment, resource, PodKind, read.Error);
            }
            var metadata = read.Value;
            if (!IsJobManager(metadata) || !metadata.Annotations.TryGetValue(MetadataKeys.InstanceAnnotation, out var instance))
            {
                return null;
            }
            var (@namespace, error) = NamespaceOf(environment, metadata);
            var app = metadata.Labels.GetValueOrDefault(MetadataKeys.AppLabel);
            error ??= app is null ? "metadata.labels.app: missing"
                : !InstanceUid.IsValid(instance) ? "metadata.annotations[\"" + MetadataKeys.InstanceAnnotation + "\"]: not a valid instance UID"
                : null;
            return error is not null
                ? Rejected(environment, resource, PodKind, error)
                : new JobManagerPodObserved(new ApplicationKey(environment.Name, app!), @namespace, metadata.Name, instance);
        });
    }

    private static OwnerReference? FlinkDeploymentOwner(ObjectMetadata metadata) =>
        metadata.OwnerReferences.FirstOrDefault(o => o.Kind == FlinkDeploymentReader.Kind
            && o.ApiVersion.StartsWith(MetadataKeys.FlinkApiGroup + "/", StringComparison.Ordinal));

    private static bool IsJobManager(ObjectMetadata metadata) =>
        metadata.Labels.GetValueOrDefault(MetadataKeys.ComponentLabel) == MetadataKeys.JobManagerComponent;
}
