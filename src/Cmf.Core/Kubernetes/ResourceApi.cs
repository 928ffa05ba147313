using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using k8s;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// One list and one watch call of the Kubernetes API for one kind in one scope. The bodies are read by
/// <see cref="ResourceJson"/>, one object at a time, so an object that cannot be read is one
/// <see cref="ApiObject.Unreadable"/> object instead of a failed list or watch.
/// </summary>
internal sealed class ResourceApi(
    ApiServerClient client, ResourceKind kind, string? @namespace, string groupVersionPath, string plural, string? labelSelector,
    string? fieldSelector = null)
{
    public const string JobManagerSelector = "component=jobmanager";
    public const string FlinkDeploymentEventSelector = "involvedObject.kind=FlinkDeployment";
    public const string FlinkStateSnapshotEventSelector = "involvedObject.kind=FlinkStateSnapshot";

    public ResourceKind Kind { get; } = kind;

    /// <summary>Null means every namespace.</summary>
    public string? Namespace { get; } = @namespace;

    public string Name => WatchHealth.NameOf(Kind, Namespace);

    // Only a pod's metadata is read (name, namespace, labels, the instance annotation, resourceVersion): a pod's spec and
    // status are most of a 10,000-pod list.
    private bool MetadataOnly => Kind == ResourceKind.JobManagerPod;

    /// <summary>The Kubernetes API verbs one <see cref="ResourceApi"/> calls: <see cref="ListAsync"/> and <see cref="WatchAsync"/>.</summary>
    public static readonly IReadOnlyList<string> Verbs = ["list", "watch"];

    /// <summary>Everything the watcher reads, in every watched scope; RBAC must grant <see cref="Verbs"/> on each, nothing more.</summary>
    public static readonly IReadOnlyList<WatchedResource> Watched =
    [
        new(ResourceKind.FlinkDeployment, FlinkOperatorLabels.ApiGroup, "v1beta1", "flinkdeployments", LabelSelector: null),
        new(ResourceKind.JobManagerDeployment, "apps", "v1", "deployments", JobManagerSelector),
        new(ResourceKind.JobManagerPod, "", "v1", "pods", JobManagerSelector),
        new(ResourceKind.FlinkStateSnapshot, FlinkOperatorLabels.ApiGroup, "v1beta1", "flinkstatesnapshots", LabelSelector: null),
        new(ResourceKind.FlinkDeploymentEvent, "", "v1", "events", LabelSelector: null, FlinkDeploymentEventSelector),
        new(ResourceKind.FlinkStateSnapshotEvent, "", "v1", "events", LabelSelector: null, FlinkStateSnapshotEventSelector),
    ];

    public static IReadOnlyList<ResourceApi> For(ApiServerClient client, IReadOnlyList<string>? namespaces)
    {
        var scopes = namespaces is null ? [null] : namespaces.Cast<string?>().ToList();
        return
        [
            .. Watched.SelectMany(resource => scopes.Select(ns =>
                new ResourceApi(
                    client, resource.Kind, ns, resource.GroupVersionPath, resource.Resource, resource.LabelSelector, resource.FieldSelector))),
        ];
    }

    public async Task<(IReadOnlyList<ApiObject> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(client.HttpClientTimeout);
        using var response = await client.GetAsync(Uri(watch: null), timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return ResourceJson.ReadList(body, MetadataOnly);
    }

    /// <summary>The events of one watch until the server ends it; an ERROR event is thrown as a <see cref="KubernetesException"/>.</summary>
    public async IAsyncEnumerable<(WatchEventType Type, ApiObject Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(Uri((resourceVersion, timeoutSeconds)), cancellationToken);
        var lines = PipeReader.Create(await response.Content.ReadAsStreamAsync(cancellationToken));
        try
        {
            while (true)
            {
                var read = await lines.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    var watchEvent = ResourceJson.ReadWatchEvent(buffer.Slice(0, end), MetadataOnly);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                    if (watchEvent is { } some)
                    {
                        yield return some;
                    }
                }
                if (buffer.Length > ResourceJson.MaxWatchLineBytes)
                {
                    throw new IOException($"Watch {Name}: an event line is longer than {ResourceJson.MaxWatchLineBytes:N0} bytes.");
                }
                if (read.IsCompleted)
                {
                    if (ResourceJson.ReadWatchEvent(buffer, MetadataOnly) is { } last)
                    {
                        yield return last;
                    }
                    yield break;
                }
                lines.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await lines.CompleteAsync();
        }
    }

    private string Uri((string ResourceVersion, int TimeoutSeconds)? watch)
    {
        var scope = Namespace is null ? "" : $"/namespaces/{System.Uri.EscapeDataString(Namespace)}";
        var query = new List<string>();
        if (labelSelector is not null)
        {
            query.Add("labelSelector=" + System.Uri.EscapeDataString(labelSelector));
        }
        if (fieldSelector is not null)
        {
            query.Add("fieldSelector=" + System.Uri.EscapeDataString(fieldSelector));
        }
        if (watch is { } from)
        {
            query.Add("watch=true");
            query.Add("allowWatchBookmarks=true");
            query.Add("resourceVersion=" + System.Uri.EscapeDataString(from.ResourceVersion));
            query.Add("timeoutSeconds=" + from.TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        }
        return $"{groupVersionPath}{scope}/{plural}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}

/// <summary>
/// One resource the watcher lists and watches: its API group ("" for the core group), version and plural name. Events
/// are watched twice, once per kind of object they are about, so each watch reads only the operator's events.
/// </summary>
internal sealed record WatchedResource(
    ResourceKind Kind, string Group, string Version, string Resource, string? LabelSelector, string? FieldSelector = null)
{
    public string GroupVersionPath => Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
}
