using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// The whole dashboard watching the simulated cluster over HTTP, read through CMF's events API: the operator's Events
/// are served (reason and message, secrets scrubbed) after the cluster expired them, and CMF's filter still applies.
/// </summary>
public sealed class OperatorEventsOverCmfApiTests
{
    private const string Ns = "prod";
    private const string App = "orders";
    private const string Secret = "Sup3rSecretPassw0rd";
    private const string EventsPath = $"/cmf/api/v1alpha1/environments/{Ns}/applications/{App}/events?size=100";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_operators_events_are_served_scrubbed_after_the_cluster_expired_them_and_filter_by_type()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Api.CreateNamespace(Ns);
        using var files = new TempDirectory();
        await using var dashboard = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = simulator.WriteKubeconfig(files.File("kubeconfig")),
        });
        await Eventually.TrueAsync(async () => (await dashboard.Client.GetAsync("/readyz")).IsSuccessStatusCode, "the dashboard is ready");
        var key = new ApplicationKey(Ns, App);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named(App).WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await simulator.Clock.AdvanceAsync(Settle);
        await Eventually.TrueAsync(async () => (await dashboard.Queries.GetApplicationAsync(key, CancellationToken.None))?.Summary.CurrentInstance?.Sequence == 1, "#1 is deployed");

        // An upgrade whose diff (and so SpecChanged's message) carries a password in a URL.
        simulator.Api.PatchFlinkDeployment(Ns, App, new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["job"] = new JsonObject { ["parallelism"] = 3 },
                ["flinkConfiguration"] = new JsonObject { ["metrics.reporter.push.url"] = $"https://pusher:{Secret}@metrics.example/push" },
            },
        });
        await simulator.Clock.AdvanceAsync(Settle);
        await Eventually.TrueAsync(async () => (await dashboard.Queries.GetApplicationAsync(key, CancellationToken.None))?.Summary.CurrentInstance?.Sequence == 2, "#2 is deployed");
        await Eventually.TrueAsync(async () => Messages(await EventsAsync(dashboard, EventsPath)).Any(m => m.StartsWith("SpecChanged: ", StringComparison.Ordinal)), "SpecChanged is served");

        using var http = new SimulatorHttp(simulator.BaseUrl);
        // The cluster's own Event carries the password: what the dashboard serves must not.
        var clusterEvents = (await http.GetAsync($"/api/v1/namespaces/{Ns}/events")).Object["items"]!.AsArray();
        Assert.Contains(clusterEvents, e => e!["reason"]!.GetValue<string>() == "SpecChanged" && e["message"]!.GetValue<string>().Contains(Secret, StringComparison.Ordinal));
        await simulator.Clock.AdvanceAsync(TimeSpan.FromHours(2));
        await Eventually.TrueAsync(async () => (await http.GetAsync($"/api/v1/namespaces/{Ns}/events")).Object["items"]!.AsArray().Count == 0, "the cluster expired its events");

        var answer = await dashboard.Client.GetApiAsync(EventsPath);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        Assert.DoesNotContain(Secret, answer.Body, StringComparison.Ordinal);
        var items = Items(answer);
        var instances = await dashboard.Queries.ListInstancesAsync(key, new Core.Storage.Views.InstanceListQuery { PageSize = 10 }, CancellationToken.None);
        var second = instances!.Items.Single(i => i.Sequence == 2).Uid;
        var specChanged = Assert.Single(items, e => Message(e).StartsWith("SpecChanged: ", StringComparison.Ordinal));
        Assert.StartsWith("SpecChanged: UPGRADE change(s) detected", Message(specChanged), StringComparison.Ordinal);
        Assert.Contains("metrics.reporter.push.url", Message(specChanged), StringComparison.Ordinal);
        Assert.Contains("https://pusher:", Message(specChanged), StringComparison.Ordinal);
        Assert.Equal(second, specChanged["metadata"]!["flinkApplicationInstance"]!.GetValue<string>());
        Assert.Contains(items, e => Message(e).StartsWith("JobStatusChanged: ", StringComparison.Ordinal));
        Assert.Contains(items, e => Message(e).StartsWith("Submit: ", StringComparison.Ordinal));
        Assert.Contains(items, e => Type(e) == "JOB_STATUS");

        var filtered = Items(await dashboard.Client.GetApiAsync(EventsPath + "&filter=" + Uri.EscapeDataString("type in (CMF_STATUS)")));
        Assert.All(filtered, e => Assert.Equal("CMF_STATUS", Type(e)));
        Assert.Equal(items.Where(e => Type(e) == "CMF_STATUS").Select(Message), filtered.Select(Message));
        Assert.Contains(filtered, e => Message(e).StartsWith("SpecChanged: ", StringComparison.Ordinal));
        Assert.Contains(filtered, e => Message(e).StartsWith("JobStatusChanged: ", StringComparison.Ordinal));
        Assert.True(filtered.Count < items.Count, "the JOB_STATUS events are left out");
    }

    private static async Task<IReadOnlyList<JsonNode>> EventsAsync(DashboardHost dashboard, string path) => Items(await dashboard.Client.GetApiAsync(path));

    private static IReadOnlyList<JsonNode> Items(ApiAnswer answer) => [.. answer.Json["items"]!.AsArray().Select(e => e!)];

    private static IEnumerable<string> Messages(IEnumerable<JsonNode> events) => events.Select(Message);

    private static string Message(JsonNode e) => e["status"]!["message"]!.GetValue<string>();

    private static string Type(JsonNode e) => e["status"]!["type"]!.GetValue<string>();
}
