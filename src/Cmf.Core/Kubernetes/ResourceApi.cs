using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Cmf.Core.Kubernetes;

/// <summary>One list and one watch call of the Kubernetes API for one kind in one scope, as raw JSON objects.</summary>
internal abstract class ResourceApi(ResourceKind kind, string? @namespace)
{
    public const string JobManagerSelector = "component=jobmanager";

    public ResourceKind Kind { get; } = kind;

    /// <summary>Null means every namespace.</summary>
    public string? Namespace { get; } = @namespace;

    public string Name => WatchHealth.NameOf(Kind, Namespace);

    public abstract Task<(IReadOnlyList<JsonObject> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken);

    public abstract IAsyncEnumerable<(WatchEventType Type, JsonObject Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);

    public static IReadOnlyList<ResourceApi> For(IKubernetes client, IReadOnlyList<string>? namespaces)
    {
        var scopes = namespaces is null ? [null] : namespaces.Cast<string?>().ToList();
        return
        [
            .. scopes.Select(ns => new CustomObjectApi(client, ResourceKind.FlinkDeployment, ns, FlinkOperatorLabels.ApiGroup, "v1beta1", "flinkdeployments", labelSelector: null)),
            .. scopes.Select(ns => new CustomObjectApi(client, ResourceKind.JobManagerDeployment, ns, "apps", "v1", "deployments", JobManagerSelector)),
            .. scopes.Select(ns => new PodApi(client, ns)),
        ];
    }

    protected static (IReadOnlyList<JsonObject> Items, string ResourceVersion) ReadList(JsonElement list)
    {
        var items = new List<JsonObject>();
        if (list.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && JsonObject.Create(item) is { } node)
                {
                    items.Add(node);
                }
            }
        }
        var version = list.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var rv)
            ? rv.GetString() ?? ""
            : "";
        return (items, version);
    }

    /// <summary>Group-version-resource calls through the custom objects API (it builds /apis/{group}/{version}/...).</summary>
    private sealed class CustomObjectApi(IKubernetes client, ResourceKind kind, string? @namespace, string group, string version, string plural, string? labelSelector)
        : ResourceApi(kind, @namespace)
    {
        public override async Task<(IReadOnlyList<JsonObject> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
        {
            using var response = Namespace is null
                ? await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonElement>(
                    group, version, plural, labelSelector: labelSelector, cancellationToken: cancellationToken)
                : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(
                    group, version, Namespace, plural, labelSelector: labelSelector, cancellationToken: cancellationToken);
            return ReadList(response.Body);
        }

        public override async IAsyncEnumerable<(WatchEventType Type, JsonObject Object)> WatchAsync(
            string resourceVersion, int timeoutSeconds, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var events = Namespace is null
                ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                    group, version, plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    group, version, Namespace, plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken);
            await foreach (var (type, body) in events)
            {
                if (body is JsonElement { ValueKind: JsonValueKind.Object } element && JsonObject.Create(element) is { } node)
                {
                    yield return (type, node);
                }
            }
        }
    }

    /// <summary>Core-group pods: the typed API, their metadata turned back into JSON so every kind is read the same way.</summary>
    private sealed class PodApi(IKubernetes client, string? @namespace) : ResourceApi(ResourceKind.JobManagerPod, @namespace)
    {
        public override async Task<(IReadOnlyList<JsonObject> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
        {
            using var response = Namespace is null
                ? await client.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(labelSelector: JobManagerSelector, cancellationToken: cancellationToken)
                : await client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Namespace, labelSelector: JobManagerSelector, cancellationToken: cancellationToken);
            var items = response.Body.Items.Select(ToJson).ToList();
            return (items, response.Body.Metadata?.ResourceVersion ?? "");
        }

        public override async IAsyncEnumerable<(WatchEventType Type, JsonObject Object)> WatchAsync(
            string resourceVersion, int timeoutSeconds, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var events = Namespace is null
                ? client.CoreV1.WatchListPodForAllNamespacesAsync(
                    allowWatchBookmarks: true, labelSelector: JobManagerSelector, resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken)
                : client.CoreV1.WatchListNamespacedPodAsync(
                    Namespace, allowWatchBookmarks: true, labelSelector: JobManagerSelector, resourceVersion: resourceVersion,
                    timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: cancellationToken);
            await foreach (var (type, pod) in events)
            {
                yield return (type, ToJson(pod));
            }
        }

        // Only the metadata is read (name, namespace, labels, the instance annotation, resourceVersion); serialising the
        // whole pod back, spec and status included, cost 5 s of a 10,000-pod list in the cold-start profile.
        private static JsonObject ToJson(k8s.Models.V1Pod pod) => new()
        {
            ["apiVersion"] = pod.ApiVersion,
            ["kind"] = pod.Kind,
            ["metadata"] = pod.Metadata is null ? null : JsonNode.Parse(KubernetesJson.Serialize(pod.Metadata)),
        };
    }
}
