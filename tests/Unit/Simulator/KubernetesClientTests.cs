using Cmf.UnitTests.TestSupport;
using System.Net;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Cmf.UnitTests.Simulator;

/// <summary>The official KubernetesClient lists and watches the simulator the way the dashboard's watcher does.</summary>
public sealed class KubernetesClientTests
{
    private const string Group = "flink.apache.org";
    private const string Version = "v1beta1";
    private const string Plural = "flinkdeployments";

    [Fact]
    public async Task Lists_flink_deployments_cluster_wide_and_per_namespace_with_a_resource_version()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        using var client = ClientFor(server, out var temp);
        using var _ = temp;

        var all = await ListAsync(client, ns: null);
        var prod = await ListAsync(client, "prod");

        Assert.InRange(all.Items.Count, 12, 14);
        Assert.All(prod.Items, i => Assert.Equal("prod", i.Metadata.NamespaceProperty));
        Assert.True(prod.Items.Count > 3 && prod.Items.Count < all.Items.Count);
        Assert.True(long.Parse(all.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Watches_job_manager_deployments_by_label_selector()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var list = await client.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: "component=jobmanager");
        var seen = new List<(WatchEventType, V1Deployment)>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watching = Task.Run(async () =>
        {
            var events = client.AppsV1.WatchListDeploymentForAllNamespacesAsync(
                allowWatchBookmarks: true, labelSelector: "component=jobmanager", resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 300, cancellationToken: cts.Token);
            await foreach (var (type, item) in events)
            {
                lock (seen)
                {
                    seen.Add((type, item));
                }
            }
        }, cts.Token);

        server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named("orders").Build());
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => { lock (seen) { return seen.Any(s => s.Item1 == WatchEventType.Added); } }, "the JobManager Deployment was seen");
        await cts.CancelAsync();
        await IgnoreCancellationAsync(watching);

        lock (seen)
        {
            var added = seen.First(s => s.Item1 == WatchEventType.Added).Item2;
            Assert.Equal("orders", added.Metadata.Name);
            Assert.Equal("jobmanager", added.Metadata.Labels["component"]);
            Assert.All(seen.Where(s => s.Item1 != WatchEventType.Bookmark), s => Assert.Equal("jobmanager", s.Item2.Metadata.Labels["component"]));
        }
    }

    [Fact]
    public async Task A_watch_resumed_after_all_watches_were_dropped_receives_every_missed_event()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var list = await ListAsync(client, "default");
        var lastVersion = list.Metadata.ResourceVersion;
        var names = new List<string>();

        // First watch: sees the first object, then the server cuts every watch.
        using (var firstWatch = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            var watching = CollectAsync(client, lastVersion, names, v => lastVersion = v, firstWatch.Token);
            server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named("first").Build());
            await Eventually.TrueAsync(() => { lock (names) { return names.Contains("first"); } }, "the first object was watched");
            await Eventually.TrueAsync(() => server.Faults.DropAllWatches() > 0 || watching.IsCompleted, "the watch was dropped");
            await IgnoreCancellationAsync(watching);
        }

        // While nobody watches, more happens.
        server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named("second").Build());
        server.Api.PatchFlinkDeployment("default", "first", OperatorUpgradeTests.Parallelism(5));

        using var resumed = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var resumedNames = new List<string>();
        var resuming = CollectAsync(client, lastVersion, resumedNames, _ => { }, resumed.Token);
        await Eventually.TrueAsync(() => { lock (resumedNames) { return resumedNames.Contains("second") && resumedNames.Contains("first"); } }, "the missed events arrived");
        await resumed.CancelAsync();
        await IgnoreCancellationAsync(resuming);
    }

    [Fact]
    public async Task A_watch_from_a_compacted_version_gets_an_expired_error_event_and_a_relist_recovers()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var old = (await ListAsync(client, "default")).Metadata.ResourceVersion;
        server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named("orders").Build());
        server.Faults.CompactResourceVersions();

        var errors = new List<Exception>();
        await foreach (var unexpected in WatchAsync(client, "default", old, errors.Add, CancellationToken.None))
        {
            Assert.Fail($"An expired watch must not deliver {unexpected.Item.Metadata.Name}.");
        }

        var expired = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
        var relisted = await ListAsync(client, "default");
        Assert.Equal("orders", Assert.Single(relisted.Items).Metadata.Name);
    }

    [Fact]
    public async Task With_http_gone_signalling_an_expired_watch_is_refused_with_status_410()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => { o.WatchExpiry = WatchExpirySignal.HttpGone; o.RetainedVersions = 2; });
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var old = (await ListAsync(client, "default")).Metadata.ResourceVersion;
        for (var i = 0; i < 5; i++)
        {
            server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named($"app-{i}").Build());
        }

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<FlinkDeploymentResourceList>(
                Group, Version, "default", Plural, resourceVersion: old, watch: true));

        Assert.Equal(HttpStatusCode.Gone, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"Expired\"", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_watch_receives_bookmarks_carrying_only_a_resource_version()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var version = (await ListAsync(client, "default")).Metadata.ResourceVersion;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        (WatchEventType Type, FlinkDeploymentResource Item)? first = null;
        await foreach (var evt in WatchAsync(client, "default", version, _ => { }, cts.Token))
        {
            first = evt;
            break;
        }

        Assert.NotNull(first);
        Assert.Equal(WatchEventType.Bookmark, first.Value.Type);
        Assert.Equal(version, first.Value.Item.Metadata.ResourceVersion);
        Assert.Null(first.Value.Item.Metadata.Name);
        Assert.Null(first.Value.Item.Spec);
    }

    [Fact]
    public async Task A_watch_with_timeout_seconds_ends_cleanly_after_its_bookmarks()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = ClientFor(server, out var temp);
        using var _ = temp;
        var version = (await ListAsync(client, "default")).Metadata.ResourceVersion;
        var errors = new List<Exception>();

        var events = 0;
        var bookmarks = 0;
        await foreach (var (type, _) in client.CustomObjects.WatchListClusterCustomObjectAsync(Group, Version, Plural, allowWatchBookmarks: true, resourceVersion: version, timeoutSeconds: 1, onError: errors.Add))
        {
            if (type == WatchEventType.Bookmark)
            {
                bookmarks++;
            }
            else
            {
                events++;
            }
        }

        Assert.Equal(0, events);
        Assert.True(bookmarks > 0);
        Assert.Empty(errors);
        Assert.Equal(0, server.Faults.OpenWatches);
    }

    private static k8s.Kubernetes ClientFor(SimulatorServer server, out TempDirectory temp)
    {
        temp = new TempDirectory();
        var kubeconfig = server.WriteKubeconfig(temp.File("kubeconfig"));
        return new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
    }

    private static async Task<FlinkDeploymentResourceList> ListAsync(k8s.Kubernetes client, string? ns)
    {
        var response = ns is null
            ? await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<FlinkDeploymentResourceList>(Group, Version, Plural)
            : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<FlinkDeploymentResourceList>(Group, Version, ns, Plural);
        return response.Body;
    }

    private static Task CollectAsync(k8s.Kubernetes client, string fromVersion, List<string> names, Action<string> onVersion, CancellationToken ct) => Task.Run(async () =>
    {
        await foreach (var (type, item) in WatchAsync(client, "default", fromVersion, _ => { }, ct))
        {
            onVersion(item.Metadata.ResourceVersion);
            if (type != WatchEventType.Bookmark)
            {
                lock (names)
                {
                    names.Add(item.Metadata.Name);
                }
            }
        }
    }, ct);

    /// <summary>The watcher's way of watching custom resources: untyped events, deserialized with KubernetesClient's own JSON settings.</summary>
    private static async IAsyncEnumerable<(WatchEventType Type, FlinkDeploymentResource Item)> WatchAsync(
        k8s.Kubernetes client, string ns, string fromVersion, Action<Exception> onError, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var events = client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            Group, Version, ns, Plural, allowWatchBookmarks: true, resourceVersion: fromVersion, timeoutSeconds: 300, onError: onError, cancellationToken: ct);
        await foreach (var (type, item) in events)
        {
            yield return (type, KubernetesJson.Deserialize<FlinkDeploymentResource>(((System.Text.Json.JsonElement)item).GetRawText()));
        }
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // The watch was cut or cancelled on purpose.
        }
    }
}
