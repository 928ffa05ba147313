namespace Cmf.Dashboard.Model;

/// <summary>Every label and annotation key the dashboard names: CMF's instance annotation and the Flink operator's pod labels.</summary>
public static class PodMetadataKeys
{
    /// <summary>CMF's annotation on the pod template: the instance UID the pods run.</summary>
    public const string InstanceAnnotation = Cmf.Core.Specs.InstanceUid.AnnotationKey;

    /// <summary>The operator's label on a native deployment's pods: the FlinkDeployment's name.</summary>
    public const string AppLabel = "app";

    /// <summary>The operator's label on a native deployment's pods: <see cref="JobManagerComponent"/> or <see cref="TaskManagerComponent"/>.</summary>
    public const string ComponentLabel = "component";

    public const string JobManagerComponent = "jobmanager";

    public const string TaskManagerComponent = "taskmanager";
}
