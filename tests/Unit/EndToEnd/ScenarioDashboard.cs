using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Simulator;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.EndToEnd;

/// <summary>
/// The whole path of DESIGN 4 in one test: the simulated operator on a simulated API server (manual clock), the real
/// dashboard on Kestrel watching it over HTTP through the kubeconfig the simulator writes, the real SQLite store, and
/// the CMF and extension APIs read over HTTP. The application lives in namespace (and environment) <c>prod</c>.
/// </summary>
internal sealed class ScenarioDashboard : IAsyncDisposable
{
    public const string Namespace = "prod";

    private readonly TempDirectory _kubeconfig;

    private ScenarioDashboard(SimulatorServer simulator, DashboardHost dashboard, TempDirectory kubeconfig)
    {
        Simulator = simulator;
        Dashboard = dashboard;
        _kubeconfig = kubeconfig;
    }

    public SimulatorServer Simulator { get; }

    public DashboardHost Dashboard { get; }

    public static async Task<ScenarioDashboard> StartAsync(
        Action<SimulatorOptions>? configure = null, string scenario = SimulatorScenarios.Empty, StoreProviderKind store = StoreProviderKind.Sqlite)
    {
        var simulator = await TestSimulator.StartAsync(scenario, configure);
        if (scenario == SimulatorScenarios.Empty)
        {
            simulator.Api.CreateNamespace(Namespace);
        }
        var kubeconfig = new TempDirectory();
        var path = simulator.WriteKubeconfig(kubeconfig.File("simulator.kubeconfig"));
        var dashboard = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = path,
        }, store: store);
        var started = new ScenarioDashboard(simulator, dashboard, kubeconfig);
        await started.UntilAsync(async () => (await dashboard.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");
        return started;
    }

    public void Create(JsonObject flinkDeployment) => Simulator.Api.CreateFlinkDeployment(Namespace, flinkDeployment);

    public void Patch(string name, string mergePatch) => Simulator.Api.PatchFlinkDeployment(Namespace, name, JsonNode.Parse(mergePatch)!.AsObject());

    /// <summary>The job id the operator has written for the application now.</summary>
    public string? JobIdNow(string name) => Simulator.Api.GetFlinkDeployment(Namespace, name)?["status"]?["jobStatus"]?["jobId"]?.GetValue<string>();

    /// <summary>Moves simulated time on, then waits until the dashboard has stored the application as the cluster has it now.</summary>
    public async Task AdvanceAsync(string name, TimeSpan duration, string ns = Namespace)
    {
        await Simulator.Clock.AdvanceAsync(duration);
        await CaughtUpAsync(name, ns);
    }

    /// <summary>Waits until the dashboard has stored the application as the cluster has it now.</summary>
    public async Task CaughtUpAsync(string name, string ns = Namespace)
    {
        var flinkDeployment = Simulator.Api.GetFlinkDeployment(ns, name);
        var version = flinkDeployment?["metadata"]?["resourceVersion"]?.GetValue<string>();
        var records = Simulator.GroundTruth.JobManagerDeployments().Where(d => d.Namespace == ns && d.ApplicationName == name).ToList();
        var liveClusters = records
            .Where(d => d.Change == Cmf.Simulator.GroundTruth.JobManagerDeploymentChange.Created
                && !records.Exists(r => r.DeploymentUid == d.DeploymentUid && r.Change == Cmf.Simulator.GroundTruth.JobManagerDeploymentChange.Deleted))
            .Select(d => d.DeploymentUid)
            .Order(StringComparer.Ordinal)
            .ToList();
        await UntilAsync(async () =>
        {
            var detail = await Dashboard.Queries.GetApplicationAsync(new ApplicationKey(ns, name), CancellationToken.None);
            var timeline = await Dashboard.Queries.GetTimelineAsync(new ApplicationKey(ns, name), null, CancellationToken.None);
            var stored = timeline?.Clusters.Where(c => c.EndedAt is null).Select(c => c.Uid).Order(StringComparer.Ordinal).ToList() ?? [];
            return (version is null ? detail?.Summary.ObjectDeleted == true : detail?.ResourceVersion == version) && stored.SequenceEqual(liveClusters);
        }, $"the dashboard caught up with {name} at resourceVersion {version}");
    }

    /// <summary>What the APIs say about the application, read over HTTP (its environment is named after its namespace).</summary>
    public async Task<ApplicationReading> ReadAsync(string name, string ns = Namespace)
    {
        var client = Dashboard.Client;
        var application = Json(await client.GetApiAsync($"/cmf/api/v1/environments/{ns}/applications/{name}"));
        var instances = (JsonArray)Json(await client.GetApiAsync($"/cmf/api/v1/environments/{ns}/applications/{name}/instances?size=100"))["items"]!;
        var events = (JsonArray)Json(await client.GetApiAsync($"/cmf/api/v1alpha1/environments/{ns}/applications/{name}/events?size=500"))["items"]!;
        var clusters = (JsonArray)Json(await client.GetApiAsync($"/api/v1/environments/{ns}/applications/{name}/clusters"))["items"]!;
        var details = new List<JsonObject>();
        foreach (var instance in instances)
        {
            details.Add(Json(await client.GetApiAsync($"/api/v1/instances/{instance!["metadata"]!["uid"]!.GetValue<string>()}")));
        }
        return new ApplicationReading(application, [.. instances.Cast<JsonObject>()], details, [.. events.Cast<JsonObject>().Reverse()], [.. clusters.Cast<JsonObject>()]);
    }

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        await Simulator.DisposeAsync();
        _kubeconfig.Dispose();
    }

    private static JsonObject Json(ApiAnswer answer)
    {
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, $"{answer.Status}: {answer.Body}");
        return JsonNode.Parse(answer.Body)!.AsObject();
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }
}

/// <summary>
/// One reading of an application through the CMF API (application, instances oldest first, events oldest first) and
/// the extension API (each instance's details, the clusters with their segments), described in short strings.
/// </summary>
internal sealed partial record ApplicationReading(
    JsonObject Application, IReadOnlyList<JsonObject> Instances, IReadOnlyList<JsonObject> Details, IReadOnlyList<JsonObject> Events,
    IReadOnlyList<JsonObject> Clusters)
{
    /// <summary>"#2", or "-" when no cluster is live (CMF's currentDeployedInstanceName).</summary>
    public string Current => Application["status"]!["currentDeployedInstanceName"]?.GetValue<string>() is { } uid ? Name(uid) : "-";

    /// <summary>The latest instance while the operator has not reconciled its generation, or "-".</summary>
    public string Pending => Details.LastOrDefault() is { } latest && latest["reconciledAt"] is null ? $"#{latest["sequence"]}" : "-";

    /// <summary>"#1=FINISHED #2=RUNNING": each instance's last job state.</summary>
    public string JobStates => string.Join(" ", Instances.Select((i, n) => $"#{n + 1}={i["status"]!["jobStatus"]!["state"]?.GetValue<string>() ?? "-"}"));

    /// <summary>"#1=upgrade(savepoint) #2=-": why the operator stopped each instance's job.</summary>
    public string Stops => string.Join(" ", Details.Select(d =>
        $"#{d["sequence"]}={(d["stop"]?.GetValue<string>() is { } stop ? stop.ToLowerInvariant() + (d["stopSavepointPath"] is null ? "" : "(savepoint)") : "-")}"));

    /// <summary>"C:#1 ended C:#1>#2": each cluster's instances in order, oldest cluster first.</summary>
    public string ClusterOwners => string.Join(" ", Clusters.Select(c =>
        "C:" + string.Join(">", ((JsonArray)c["segments"]!).Select(s => Name(s!["instanceUid"]!.GetValue<string>())))
        + (c["endedAt"] is null ? "" : " ended")));

    /// <summary>The job id of instance #<paramref name="sequence"/>.</summary>
    public string? JobId(int sequence) => Instances[sequence - 1]["status"]!["jobStatus"]!["jobId"]?.GetValue<string>();

    /// <summary>The messages of the events, oldest first.</summary>
    public IReadOnlyList<string> EventMessages => [.. Events.Select(e => e["status"]!["message"]!.GetValue<string>())];

    public int Count(string messagePrefix) => EventMessages.Count(m => m.StartsWith(messagePrefix, StringComparison.Ordinal));

    /// <summary>Cluster starts, ends and hand-overs and current-instance changes in order: "started for #1", "current #1", "ended of #1".</summary>
    public IReadOnlyList<string> ClusterAndCurrentEvents => [.. EventMessages.Select(ClusterOrCurrent).OfType<string>()];

    private static string? ClusterOrCurrent(string message) =>
        ClusterOrCurrentEvent().Match(message) is { Success: true } match
            ? match.Groups["started"].Success ? "started for #" + match.Groups["started"].Value
            : match.Groups["ended"].Success ? "ended of #" + match.Groups["ended"].Value
            : match.Groups["from"].Success ? $"handed #{match.Groups["from"].Value}>#{match.Groups["to"].Value}"
            : "current #" + match.Groups["current"].Value
            : null;

    [GeneratedRegex(@"^(Cluster \S+ started for instance #(?<started>\d+)|Cluster \S+ of instance #(?<ended>\d+) ended|Cluster \S+ handed over in place from instance #(?<from>\d+) to #(?<to>\d+)|Instance #(?<current>\d+) is now the current deployed instance)")]
    private static partial Regex ClusterOrCurrentEvent();

    private string Name(string uid)
    {
        var index = Instances.ToList().FindIndex(i => i["metadata"]!["uid"]!.GetValue<string>() == uid);
        return index < 0 ? "?" : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);
    }
}
