using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Core.Model;
using Cmf.Dashboard;
using Cmf.Dashboard.Hubs;
using Cmf.Dashboard.Model;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.EndToEnd;
using Microsoft.AspNetCore.SignalR.Client;
using YamlDotNet.RepresentationModel;

namespace Cmf.UnitTests.Security.Support;

/// <summary>What one surface answered: its raw bytes as text, and the same text as a reader sees it (JSON and YAML
/// strings unescaped, HTML tags dropped and entities decoded).</summary>
internal sealed record SurfaceText(string Name, string Raw, string Readable);

/// <summary>
/// The secret corpus played through the whole dashboard once, for <see cref="SecretCorpusTests"/>: the simulated API
/// server, the real watcher, tracker and SQLite store, Kestrel on 127.0.0.1, then every surface read over HTTP and
/// SignalR. <c>orders</c> is left to the test (unmanaged): it carries every spec shape, and its status is written as
/// FKO writes it (the last reconciled spec in plain text, a JSON error quoting secrets, cleared and set again);
/// instance #2 differs from #1 only in the jarURI password. <c>payments</c> carries the corpus too and is run by the
/// simulated operator through a savepoint upgrade into a savepoint directory with user-info.
/// </summary>
public sealed partial class SecretCorpusDashboard : IAsyncLifetime
{
    public const string Environment = ScenarioDashboard.Namespace;
    public const string Orders = "orders";
    public const string Payments = "payments";

    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);
    private readonly List<SurfaceText> _surfaces = [];
    private readonly List<string> _hubMessages = [];
    private ScenarioDashboard _scenario = null!;

    internal IReadOnlyList<SurfaceText> Surfaces => _surfaces;

    /// <summary>Everything the simulated API server served for both applications (spec and status), as JSON.</summary>
    internal string ServedObjects { get; private set; } = "";

    internal string DataDirectory => _scenario.Dashboard.DataDirectory;

    internal IReadOnlyList<string> OrdersInstanceUids { get; private set; } = [];

    internal IReadOnlyList<string> PaymentsInstanceUids { get; private set; } = [];

    internal SurfaceText Surface(string name) =>
        _surfaces.Find(s => s.Name == name) ?? throw new InvalidOperationException($"No surface {name} was read.");

    public async Task InitializeAsync()
    {
        _scenario = await ScenarioDashboard.StartAsync();
        var input = SecretCorpus.Input();

        _scenario.Create(SecretCorpus.FlinkDeployment(Orders, input, new JsonObject { [SimulatorKnobs.Unmanaged] = "true" }));
        WriteOrdersStatus(input, error: null);
        await _scenario.CaughtUpAsync(Orders);
        _scenario.Create(SecretCorpus.FlinkDeployment(Payments, ManagedInput()));
        await _scenario.AdvanceAsync(Payments, Settle);

        await using var hub = await ConnectHubAsync();
        await hub.InvokeAsync<JsonElement>(nameof(StatusHub.SubscribeApplication), Environment, Orders);

        _scenario.Patch(Orders, new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["jarURI"] = RotatedJarUri } } }.ToJsonString());
        var error = SecretCorpus.StatusError(input);
        WriteOrdersStatus(input, error);
        WriteOrdersStatus(input, error: null);
        WriteOrdersStatus(input, error);
        await _scenario.CaughtUpAsync(Orders);
        _scenario.Patch(Payments, """{"spec":{"job":{"parallelism":3}}}""");
        await _scenario.AdvanceAsync(Payments, Settle);

        await UntilHubPushedErrorAsync();
        OrdersInstanceUids = await InstanceUidsAsync(Orders);
        PaymentsInstanceUids = await InstanceUidsAsync(Payments);
        foreach (var uid in OrdersInstanceUids)
        {
            Hub("hub SubscribeInstance " + uid, (await hub.InvokeAsync<JsonElement>(nameof(StatusHub.SubscribeInstance), uid)).GetRawText());
        }
        Hub("hub SubscribeApplication orders", (await hub.InvokeAsync<JsonElement>(nameof(StatusHub.SubscribeApplication), Environment, Orders)).GetRawText());
        lock (_hubMessages)
        {
            _surfaces.Add(new SurfaceText("hub pushes", string.Join('\n', _hubMessages), string.Join('\n', _hubMessages.Select(JsonReadable))));
        }

        await ReadApisAsync();
        await ReadPagesAsync();
        ServedObjects = string.Join('\n', _scenario.Simulator.Api.ListFlinkDeployments(Environment).Select(o => o.ToJsonString()));
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    internal static string RotatedJarUri => $"https://ci:{SecretCorpus.RotatedJarPassword}@artifacts.example.com/orders.jar";

    /// <summary>The texts of every surface that shows the instance's spec.</summary>
    internal IEnumerable<SurfaceText> SpecSurfacesOf(string application, string uid) =>
    [
        Surface($"cmf json {CmfInstancePath(application, uid)}"),
        Surface($"cmf yaml {CmfInstancePath(application, uid)}"),
        Surface($"api json /api/v1/instances/{uid}"),
        Surface($"api yaml /api/v1/instances/{uid}"),
        Surface($"page {DashboardUrls.InstanceUrl(Environment, application, uid)}"),
    ];

    // The managed application keeps the corpus but gets a savepoint directory the operator writes savepoint paths under.
    private static CorpusInput ManagedInput()
    {
        var input = SecretCorpus.Input();
        input.Configuration["state.savepoints.dir"] = SecretCorpus.SavepointDirectory;
        return input;
    }

    private void WriteOrdersStatus(CorpusInput input, string? error)
    {
        var reconciled = new JsonObject
        {
            ["spec"] = SecretCorpus.ReconciledSpec(input),
            ["resource_metadata"] = new JsonObject { ["apiVersion"] = "flink.apache.org/v1beta1", ["firstDeployment"] = false },
        };
        _scenario.Simulator.Api.PatchFlinkDeploymentStatus(Environment, Orders, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["jobStatus"] = new JsonObject
                {
                    ["jobName"] = "orders",
                    ["jobId"] = "6b1f0c3d2e4a5b6c7d8e9f0a1b2c3d4e",
                    ["state"] = "RUNNING",
                    ["startTime"] = "1748779200000",
                    ["updateTime"] = "1748779260000",
                },
                ["lifecycleState"] = "STABLE",
                ["jobManagerDeploymentStatus"] = "READY",
                ["reconciliationStatus"] = new JsonObject { ["state"] = "DEPLOYED", ["lastReconciledSpec"] = reconciled.ToJsonString() },
                ["observedGeneration"] = 1,
                ["error"] = error,
            },
        });
    }

    private async Task<HubConnection> ConnectHubAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(_scenario.Dashboard.BaseUrl, StatusHub.Path)).Build();
        foreach (var method in new[] { StatusHub.ApplicationChanged, StatusHub.InstanceChanged })
        {
            connection.On<JsonElement>(method, message =>
            {
                lock (_hubMessages)
                {
                    _hubMessages.Add(message.GetRawText());
                }
            });
        }
        await connection.StartAsync();
        return connection;
    }

    private async Task UntilHubPushedErrorAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            lock (_hubMessages)
            {
                if (_hubMessages.Any(m => m.Contains("\"error\":\"{", StringComparison.Ordinal)))
                {
                    return;
                }
            }
            await Task.Delay(25);
        }
        Assert.Fail("The hub never pushed the application's error.");
    }

    private void Hub(string name, string raw) => _surfaces.Add(new SurfaceText(name, raw, JsonReadable(raw)));

    private async Task<IReadOnlyList<string>> InstanceUidsAsync(string application)
    {
        var page = JsonNode.Parse((await _scenario.Dashboard.Client.GetApiAsync($"/cmf/api/v1/environments/{Environment}/applications/{application}/instances?size=100")).Body)!;
        return [.. page["items"]!.AsArray().Select(i => i!["metadata"]!["uid"]!.GetValue<string>())];
    }

    private async Task ReadApisAsync()
    {
        List<string> paths =
        [
            "/cmf/api/v1/environments",
            $"/cmf/api/v1/environments/{Environment}",
            $"/cmf/api/v1/environments/{Environment}/applications",
        ];
        foreach (var (application, uids) in new[] { (Orders, OrdersInstanceUids), (Payments, PaymentsInstanceUids) })
        {
            paths.Add($"/cmf/api/v1/environments/{Environment}/applications/{application}");
            paths.Add($"/cmf/api/v1/environments/{Environment}/applications/{application}/instances?size=100");
            paths.Add($"/cmf/api/v1alpha1/environments/{Environment}/applications/{application}/events?size=500");
            paths.AddRange(uids.Select(uid => CmfInstancePath(application, uid)));
            paths.AddRange(uids.Select(uid => $"/api/v1/instances/{uid}"));
            paths.Add(DashboardUrls.ApiDiffUrl(Environment, application, uids[0], uids[^1]));
            paths.Add(DashboardUrls.ApiTimelineUrl(Environment, application));
            paths.Add(DashboardUrls.ApiClustersUrl(Environment, application));
        }
        foreach (var path in paths)
        {
            var json = await GetAsync(path, accept: null);
            _surfaces.Add(new SurfaceText((path.StartsWith("/cmf", StringComparison.Ordinal) ? "cmf json " : "api json ") + path, json, JsonReadable(json)));
            var yaml = await GetAsync(path, accept: "application/yaml");
            _surfaces.Add(new SurfaceText((path.StartsWith("/cmf", StringComparison.Ordinal) ? "cmf yaml " : "api yaml ") + path, yaml, YamlReadable(yaml)));
        }
    }

    private async Task ReadPagesAsync()
    {
        List<string> paths = ["/applications", "/environments"];
        foreach (var (application, uids) in new[] { (Orders, OrdersInstanceUids), (Payments, PaymentsInstanceUids) })
        {
            paths.AddRange(Enum.GetValues<ApplicationTab>().Select(tab => DashboardUrls.ApplicationUrl(Environment, application, tab)));
            paths.AddRange(uids.Select(uid => DashboardUrls.InstanceUrl(Environment, application, uid)));
            paths.AddRange(uids.Select(uid => DashboardUrls.InstanceDeepLinkUrl(uid)));
            paths.Add(DashboardUrls.DiffUrl(Environment, application, uids[0], uids[^1]));
            paths.Add(DashboardUrls.DiffUrl(Environment, application, uids[0], uids[^1], inline: true));
        }
        foreach (var path in paths)
        {
            var html = await GetAsync(path, accept: "text/html");
            _surfaces.Add(new SurfaceText("page " + path, html, HtmlReadable(html)));
        }
    }

    internal static string CmfInstancePath(string application, string uid) =>
        $"/cmf/api/v1/environments/{Environment}/applications/{application}/instances/{uid}";

    private async Task<string> GetAsync(string path, string? accept)
    {
        var answer = await _scenario.Dashboard.Client.GetApiAsync(path, accept);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path} ({accept ?? "json"}): {(int)answer.Status} {answer.Body}");
        return answer.Body;
    }

    private static string JsonReadable(string json)
    {
        var texts = new List<string>();
        Collect(JsonNode.Parse(json), texts);
        return string.Join('\n', texts);

        static void Collect(JsonNode? node, List<string> texts)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        texts.Add(key);
                        Collect(value, texts);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, texts);
                    }
                    break;
                case JsonValue value:
                    texts.Add(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                    break;
            }
        }
    }

    private static string YamlReadable(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return string.Join('\n', stream.Documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>().Select(s => s.Value));
    }

    private static string HtmlReadable(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Comment().Replace(html, ""), ""));

    [GeneratedRegex("<!--[\\s\\S]*?-->", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
