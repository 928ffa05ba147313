using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Simulator;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// Every version of every object a simulator serves, across all namespaces, as a client sees them: each
/// resource is listed, then watched from the list's resourceVersion, so no version after the list is missed.
/// </summary>
internal sealed class ServedObjects : IAsyncDisposable
{
    public const string Namespaces = "/api/v1/namespaces";
    public const string Pods = "/api/v1/pods";
    public const string Deployments = "/apis/apps/v1/deployments";
    public const string Events = "/api/v1/events";
    public const string FlinkDeployments = "/apis/flink.apache.org/v1beta1/flinkdeployments";

    private static readonly string[] Paths = [Namespaces, Pods, Deployments, Events, FlinkDeployments];

    private readonly SimulatorServer _server;
    private readonly Dictionary<string, (List<JsonObject> Listed, HttpWatch Watch)> _resources;

    private ServedObjects(SimulatorServer server, Dictionary<string, (List<JsonObject>, HttpWatch)> resources)
    {
        _server = server;
        _resources = resources;
    }

    public static async Task<ServedObjects> StartAsync(SimulatorServer server)
    {
        using var http = new SimulatorHttp(server.BaseUrl);
        var resources = new Dictionary<string, (List<JsonObject>, HttpWatch)>();
        foreach (var path in Paths)
        {
            var list = (await http.GetAsync(path)).Object;
            var version = list["metadata"]!["resourceVersion"]!.GetValue<string>();
            var items = ((JsonArray)list["items"]!).Select(i => i!.AsObject()).ToList();
            resources[path] = (items, await HttpWatch.StartAsync(server.BaseUrl, path, $"&resourceVersion={version}"));
        }
        return new ServedObjects(server, resources);
    }

    /// <summary>The listed objects and then every version the watch delivered (DELETED ones included), oldest first.</summary>
    public IReadOnlyList<JsonObject> Of(string path) => [.. _resources[path].Listed, .. _resources[path].Watch.Objects];

    /// <summary>Every version of the built-in kinds (namespaces, pods, Deployments, events), each version once.</summary>
    public IReadOnlyList<JsonObject> BuiltIn() =>
        [.. new[] { Namespaces, Pods, Deployments, Events }.SelectMany(Of).DistinctBy(o => (Text(o, "kind"), Text(o, "metadata", "uid"), Text(o, "metadata", "resourceVersion")))];

    /// <summary>Moves the manual clock on in steps, waiting after each until every watch has delivered what happened.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        using var http = new SimulatorHttp(_server.BaseUrl);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            await _server.Clock.AdvanceAsync(step);
            var version = long.Parse((await http.GetAsync(Namespaces)).Object["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            foreach (var (_, watch) in _resources.Values)
            {
                await watch.CaughtUpAsync(version);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, watch) in _resources.Values)
        {
            await watch.DisposeAsync();
        }
    }

    private static string? Text(JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var part in path)
        {
            node = node?[part];
        }
        return node?.GetValue<string>();
    }
}
