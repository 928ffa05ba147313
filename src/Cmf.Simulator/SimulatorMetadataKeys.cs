namespace Cmf.Simulator;

/// <summary>Every label and annotation key the simulated cluster and operator write or read.</summary>
internal static class SimulatorMetadataKeys
{
    /// <summary>The operator's labels on a FlinkDeployment's Deployments and pods (the FlinkDeployment's name, the component, the type).</summary>
    public const string AppLabel = "app";
    public const string ComponentLabel = "component";
    public const string TypeLabel = "type";

    /// <summary>The ReplicaSet's label on its pods.</summary>
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>The operator's annotation on the JobManager Deployment and pod: the FlinkDeployment generation it was made for.</summary>
    public const string GenerationAnnotation = "flinkdeployment.flink.apache.org/generation";

    /// <summary>CMF's instance annotation on the pod template.</summary>
    public const string InstanceAnnotation = "platform.confluent.io/cmf-fa-instance";

    /// <summary>The API server's label on every namespace: its name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>The Deployment controller's revision annotation.</summary>
    public const string DeploymentRevisionAnnotation = "deployment.kubernetes.io/revision";

    /// <summary>The recommended label the demo applications carry.</summary>
    public const string PartOfLabel = "app.kubernetes.io/part-of";
}
