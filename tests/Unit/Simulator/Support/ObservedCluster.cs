using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// A simulator watched from the outside: every FlinkDeployment, JobManager Deployment and pod event in
/// namespace default is recorded over HTTP, so tests can assert the operator's sequences as a client sees them.
/// </summary>
internal sealed class ObservedCluster : IAsyncDisposable
{
    public const string JobManagers = "/apis/apps/v1/namespaces/default/deployments";
    public const string Pods = "/api/v1/namespaces/default/pods";
    public const string Events = "/api/v1/namespaces/default/events";

    private ObservedCluster(SimulatorServer server, SimulatorHttp http, HttpWatch flinkDeployments, HttpWatch jobManagers, HttpWatch pods)
    {
        Server = server;
        Http = http;
        FlinkDeploymentWatch = flinkDeployments;
        JobManagerWatch = jobManagers;
        PodWatch = pods;
    }

    public SimulatorServer Server { get; }

    public SimulatorHttp Http { get; }

    public HttpWatch FlinkDeploymentWatch { get; }

    public HttpWatch JobManagerWatch { get; }

    public HttpWatch PodWatch { get; }

    public static async Task<ObservedCluster> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var server = await TestSimulator.StartAsync(configure: configure);
        var http = new SimulatorHttp(server.BaseUrl);
        var flinkDeployments = await HttpWatch.StartAsync(server.BaseUrl, SimulatorHttp.FlinkDeployments);
        var jobManagers = await HttpWatch.StartAsync(server.BaseUrl, JobManagers, "&labelSelector=component%3Djobmanager");
        var pods = await HttpWatch.StartAsync(server.BaseUrl, Pods);
        return new ObservedCluster(server, http, flinkDeployments, jobManagers, pods);
    }

    public async Task CreateAsync(JsonObject flinkDeployment)
    {
        var response = await Http.PostAsync(SimulatorHttp.FlinkDeployments, flinkDeployment);
        Assert.Equal(HttpStatusCode.Created, response.Status);
    }

    public async Task<JsonObject> PatchAsync(string name, JsonObject mergePatch)
    {
        var response = await Http.MergePatchAsync($"{SimulatorHttp.FlinkDeployments}/{name}", mergePatch);
        Assert.True(response.Status == HttpStatusCode.OK, response.Body?.ToJsonString());
        return response.Object;
    }

    public async Task<JsonObject> GetAsync(string name) => (await Http.GetAsync($"{SimulatorHttp.FlinkDeployments}/{name}")).Object;

    /// <summary>Moves simulated time on, then waits until every watch has delivered what happened meanwhile.</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        await Server.Clock.AdvanceAsync(duration);
        var version = await Http.ResourceVersionAsync();
        await FlinkDeploymentWatch.CaughtUpAsync(version);
        await JobManagerWatch.CaughtUpAsync(version);
        await PodWatch.CaughtUpAsync(version);
    }

    /// <summary>Every status of <paramref name="name"/> the watch saw, oldest first.</summary>
    public List<FlinkStatusView> Statuses(string name) =>
        [.. FlinkDeploymentWatch.Objects.Where(o => o["metadata"]!["name"]!.GetValue<string>() == name).Select(FlinkStatusView.Of)];

    public List<string> Briefs(string name, long? fromVersion = null) =>
        Sequences.Distinct(Statuses(name).Where(s => fromVersion is null || s.ResourceVersion > fromVersion).Select(s => s.Brief));

    /// <summary>JobManager Deployments created and deleted, as (type, uid, generation annotation, resource version).</summary>
    public List<(string Type, string Uid, string? Generation, long ResourceVersion)> JobManagerEvents() =>
        [.. JobManagerWatch.Events.Where(e => e["type"]!.GetValue<string>() != "MODIFIED").Select(e =>
        {
            var metadata = e["object"]!["metadata"]!;
            return (e["type"]!.GetValue<string>(), metadata["uid"]!.GetValue<string>(),
                metadata["annotations"]?["flinkdeployment.flink.apache.org/generation"]?.GetValue<string>(),
                long.Parse(metadata["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        })];

    public async Task<JsonArray> EventsAboutAsync(string name) =>
        (JsonArray)(await Http.GetAsync($"{Events}?fieldSelector=involvedObject.name%3D{name}")).Object["items"]!;

    public async ValueTask DisposeAsync()
    {
        await FlinkDeploymentWatch.DisposeAsync();
        await JobManagerWatch.DisposeAsync();
        await PodWatch.DisposeAsync();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
