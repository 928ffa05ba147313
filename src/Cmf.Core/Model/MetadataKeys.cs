namespace Cmf.Core.Model;

/// <summary>Every label and annotation key Cmf.Core reads: the Flink operator's, CMF's own, and the delivery tools'.</summary>
public static class MetadataKeys
{
    /// <summary>The API group of FlinkDeployment, as the ownerReference's apiVersion names it (<c>flink.apache.org/v1beta1</c>).</summary>
    public const string FlinkApiGroup = "flink.apache.org";

    /// <summary>The operator's label on a FlinkDeployment's objects: the FlinkDeployment's name.</summary>
    public const string AppLabel = "app";

    /// <summary>The operator's label: <see cref="JobManagerComponent"/> or <see cref="TaskManagerComponent"/>.</summary>
    public const string ComponentLabel = "component";

    public const string JobManagerComponent = "jobmanager";

    public const string TaskManagerComponent = "taskmanager";

    /// <summary>The operator's label: <c>flink-native-kubernetes</c> or <c>flink-standalone-kubernetes</c>.</summary>
    public const string TypeLabel = "type";

    /// <summary>On the JobManager Deployment: the FlinkDeployment generation it was created for.</summary>
    public const string GenerationAnnotation = "flinkdeployment.flink.apache.org/generation";

    /// <summary>The label selector for JobManager Deployments and pods.</summary>
    public const string JobManagerSelector = ComponentLabel + "=" + JobManagerComponent;

    /// <summary>CMF's instance annotation on the pod template (Specs/InstanceUid reads it).</summary>
    public const string InstanceAnnotation = "platform.confluent.io/cmf-fa-instance";

    /// <summary>Argo CD's annotation tracking: <c>app:group/Kind:namespace/name</c>.</summary>
    public const string ArgoCdTrackingId = "argocd.argoproj.io/tracking-id";

    /// <summary>Argo CD's label tracking, and Helm charts'.</summary>
    public const string InstanceLabel = "app.kubernetes.io/instance";

    public const string FluxKustomizationName = "kustomize.toolkit.fluxcd.io/name";
    public const string FluxKustomizationNamespace = "kustomize.toolkit.fluxcd.io/namespace";
    public const string FluxHelmReleaseName = "helm.toolkit.fluxcd.io/name";
    public const string FluxHelmReleaseNamespace = "helm.toolkit.fluxcd.io/namespace";
    public const string HelmReleaseName = "meta.helm.sh/release-name";
    public const string HelmReleaseNamespace = "meta.helm.sh/release-namespace";
}
