using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>A FlinkDeployment as KubernetesClient deserializes it (spec and status kept as raw JSON).</summary>
public sealed class FlinkDeploymentResource : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "flink.apache.org/v1beta1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "FlinkDeployment";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonElement? Spec { get; set; }

    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}

/// <summary>A list of FlinkDeployments as KubernetesClient deserializes it.</summary>
public sealed class FlinkDeploymentResourceList : IKubernetesObject<V1ListMeta>, IItems<FlinkDeploymentResource>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "flink.apache.org/v1beta1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "FlinkDeploymentList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<FlinkDeploymentResource> Items { get; set; } = [];
}
