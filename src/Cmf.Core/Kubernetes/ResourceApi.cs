using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Runtime.CompilerServices;
using Cmf.Core.Model;
using k8s;
using k8s.Autorest;

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
        new(ResourceKind.FlinkDeployment, MetadataKeys.FlinkApiGroup, "v1beta1", "flinkdeployments", LabelSelector: null),
        new(ResourceKind.JobManagerDeployment, "apps", "v1", "deployments", MetadataKeys.JobManagerSelector),
        new(ResourceKind.JobManagerPod, "", "v1", "pods", MetadataKeys.JobManagerSelector),
        new(ResourceKind.FlinkStateSnapshot, MetadataKeys.FlinkApiGroup, "v1beta1", "flinkstatesnapshots", LabelSelector: null),
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

    /// <summary>
    /// Every object, read in pages of <paramref name="pageSize"/> (0: one request) as client-go's pager does: each page's
    /// objects are parsed while the next page is on its way. A continue token that expired meanwhile (410: the API
    /// server compacted the list's version) is answered, as client-go's <c>FullListIfExpired</c> does, with one list of
    /// everything, so a busy cluster cannot keep the list from ever finishing.
    /// </summary>
    public async Task<(IReadOnlyList<ApiObject> Items, string ResourceVersion)> ListAsync(int pageSize, CancellationToken cancellationToken)
    {
        var items = new List<ApiObject>();
        string? next = null;
        var resourceVersion = "";
        Task<ApiObject[]>? parsing = null;
        do
        {
            byte[] body;
            try
            {
                body = await GetListAsync(pageSize, next, cancellationToken);
            }
            catch (HttpOperationException e) when (next is not null && e.Response?.StatusCode == HttpStatusCode.Gone)
            {
                if (parsing is not null)
                {
                    await parsing;
                }
                var whole = await GetListAsync(limit: 0, next: null, cancellationToken);
                var wholeEnvelope = ResourceJson.ReadListEnvelope(whole);
                return (ResourceJson.ReadItems(whole, wholeEnvelope.Items, MetadataOnly), wholeEnvelope.ResourceVersion);
            }
            var envelope = ResourceJson.ReadListEnvelope(body);
            if (next is null)
            {
                resourceVersion = envelope.ResourceVersion;
            }
            if (parsing is not null)
            {
                items.AddRange(await parsing);
            }
            parsing = Task.Run(() => ResourceJson.ReadItems(body, envelope.Items, MetadataOnly), cancellationToken);
            next = pageSize > 0 ? envelope.Continue : null;
        }
        while (next is not null);
        items.AddRange(await parsing);
        return (items, resourceVersion);
    }

    /// <summary>
    /// The resourceVersion the API server is at for this kind and scope, from a list of at most one object: what a
    /// resuming watch needs to know how far its backlog reaches, without reading every object.
    /// </summary>
    public async Task<string> CurrentVersionAsync(CancellationToken cancellationToken) =>
        ResourceJson.ReadListEnvelope(await GetListAsync(limit: 1, next: null, cancellationToken)).ResourceVersion;

    private async Task<byte[]> GetListAsync(int limit, string? next, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(client.HttpClientTimeout);
        using var response = await client.GetAsync(Uri(watch: null, limit, next), timeout.Token);
        return await response.Content.ReadAsByteArrayAsync(timeout.Token);
    }

    /// <summary>The events of one watch until the server ends it; an ERROR event is thrown as a <see cref="KubernetesException"/>.</summary>
    public async IAsyncEnumerable<(WatchEventType Type, ApiObject Object)> WatchAsync(
        string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(Uri((resourceVersion, timeoutSeconds), limit: 0, next: null), cancellationToken);
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

    private string Uri((string ResourceVersion, int TimeoutSeconds)? watch, int limit, string? next)
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
        if (limit > 0)
        {
            query.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        }
        if (next is not null)
        {
            query.Add("continue=" + System.Uri.EscapeDataString(next));
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
