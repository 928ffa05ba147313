namespace Cmf.Core.Kubernetes;

/// <summary>The labels and annotations the Flink operator puts on the objects it creates for a FlinkDeployment.</summary>
public static class FlinkOperatorLabels
{
    /// <summary>The API group of FlinkDeployment, as the ownerReference's apiVersion names it (<c>flink.apache.org/v1beta1</c>).</summary>
    public const string ApiGroup = "flink.apache.org";

    /// <summary>The FlinkDeployment's name.</summary>
    public const string App = "app";

    /// <summary><see cref="JobManager"/> or <c>taskmanager</c>.</summary>
    public const string Component = "component";

    public const string JobManager = "jobmanager";

    /// <summary><c>flink-native-kubernetes</c> or <c>flink-standalone-kubernetes</c>.</summary>
    public const string Type = "type";

    /// <summary>On the JobManager Deployment: the FlinkDeployment generation it was created for.</summary>
    public const string GenerationAnnotation = "flinkdeployment.flink.apache.org/generation";

    /// <summary>The label selector for JobManager Deployments and pods.</summary>
    public const string JobManagerSelector = Component + "=" + JobManager;
}
