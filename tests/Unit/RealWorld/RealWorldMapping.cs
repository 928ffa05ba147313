using System.Text.Json.Nodes;
using Cmf.Core.Ingest;
using Cmf.Core.Kubernetes;
using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// The status fields an operator reads first when looking at a FlinkDeployment: job state, lifecycle, JobManager
/// status, reconciliation state, observed generation, error and job id.
/// </summary>
internal sealed record OperatorReading(
    JobState? Job,
    LifecycleState? Lifecycle,
    JobManagerDeploymentStatus? JobManager,
    ReconciliationState? Reconciliation,
    long? ObservedGeneration,
    string? Error,
    string? JobId)
{
    public static OperatorReading Of(FlinkDeploymentStatusSnapshot status) => new(
        status.JobState, status.LifecycleState, status.JobManagerDeploymentStatus, status.ReconciliationState,
        status.ObservedGeneration, status.Error, status.JobId);
}

/// <summary>Pushes captured objects through the product's own mapper, as the watcher would hand them over.</summary>
internal static class RealWorldMapping
{
    /// <summary>The environment of the object's namespace (what a watched namespace without configuration becomes).</summary>
    public static EnvironmentInfo EnvironmentOf(JsonNode resource)
    {
        var @namespace = Nodes.Text(resource, "metadata", "namespace") ?? "default";
        return new EnvironmentInfo(@namespace, @namespace);
    }

    public static FlinkDeploymentObserved Observe(JsonNode resource)
    {
        var observation = ObservationMapper.MapFlinkDeployment(EnvironmentOf(resource), resource);
        Assert.False(observation is ResourceRejected, "The mapper rejected the object: " + (observation as ResourceRejected)?.Reason);
        return Assert.IsType<FlinkDeploymentObserved>(observation);
    }

    /// <summary>What the mapper says of an object it cannot take as a FlinkDeployment.</summary>
    public static ResourceRejected RejectedAsFlinkDeployment(JsonNode resource) =>
        Assert.IsType<ResourceRejected>(ObservationMapper.MapFlinkDeployment(EnvironmentOf(resource), resource));

    /// <summary>What the mapper says of the object when a watch event delivers it, whatever its kind.</summary>
    public static Observation? MapWatchEvent(JsonNode resource) =>
        ObservationMapper.Map(EnvironmentOf(resource), k8s.WatchEventType.Added, resource);

    /// <summary>The one object of a <c>kubectl get -o yaml</c> List.</summary>
    public static JsonObject SingleItemOf(JsonObject list)
    {
        Assert.Equal(("v1", "List"), (Nodes.Text(list, "apiVersion"), Nodes.Text(list, "kind")));
        return Assert.IsType<JsonObject>(Assert.Single(Nodes.Array(list, "items")));
    }
}
