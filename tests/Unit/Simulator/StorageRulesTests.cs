using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The API server's storage rules: server-assigned identity, monotonic versions, generation, status subresource, selectors.</summary>
public sealed class StorageRulesTests
{
    private const string Orders = SimulatorHttp.FlinkDeployments + "/orders";

    [Fact]
    public async Task The_server_assigns_uid_creation_time_and_the_first_generation()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var body = FlinkDeploymentBuilder.Named("orders").Build();
        body["metadata"]!["uid"] = "client-chosen";
        body["metadata"]!["generation"] = 42;

        var created = (await http.PostAsync(SimulatorHttp.FlinkDeployments, body)).Object["metadata"]!;

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", created["uid"]!.GetValue<string>());
        Assert.Equal("2025-06-01T12:00:00Z", created["creationTimestamp"]!.GetValue<string>());
        Assert.Equal(1, created["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Generation_bumps_on_spec_changes_only()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var labelled = await http.MergePatchAsync(Orders, JsonNode.Parse("""{"metadata":{"labels":{"team":"payments"}}}""")!);
        var statusOnMain = await http.MergePatchAsync(Orders, JsonNode.Parse("""{"status":{"lifecycleState":"FAILED"}}""")!);
        var statusOnSubresource = await http.MergePatchAsync(Orders + "/status", JsonNode.Parse("""{"status":{"error":"from a client"}}""")!);
        var specChanged = await http.MergePatchAsync(Orders, JsonNode.Parse("""{"spec":{"job":{"parallelism":5}}}""")!);

        Assert.Equal(1, Generation(labelled));
        Assert.Equal(1, Generation(statusOnMain));
        Assert.Null(statusOnMain.Object["status"]);
        Assert.Equal(1, Generation(statusOnSubresource));
        Assert.Equal("from a client", statusOnSubresource.Object["status"]!["error"]!.GetValue<string>());
        Assert.Equal(2, Generation(specChanged));
    }

    [Fact]
    public async Task The_status_subresource_ignores_spec_changes()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var response = await http.MergePatchAsync(Orders + "/status", JsonNode.Parse("""{"spec":{"job":{"parallelism":7}}}""")!);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Object["spec"]!["job"]!["parallelism"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resource_versions_increase_with_every_write_across_resource_types()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var versions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var created = await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named($"app-{i}").Build());
            versions.Add(long.Parse(created.Object["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture));
            await http.PostAsync("/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = $"ns-{i}" } });
        }

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.True(await http.ResourceVersionAsync() > versions[^1]);
    }

    [Fact]
    public async Task Lists_filter_by_label_and_field_selectors()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        foreach (var (name, team) in new[] { ("a", "payments"), ("b", "orders"), ("c", "payments") })
        {
            var body = FlinkDeploymentBuilder.Named(name).Build();
            body["metadata"]!["labels"] = new JsonObject { ["team"] = team };
            await http.PostAsync(SimulatorHttp.FlinkDeployments, body);
        }

        var payments = await NamesAsync(http, "?labelSelector=team%3Dpayments");
        var notPayments = await NamesAsync(http, "?labelSelector=team%20notin%20(payments)");
        var byName = await NamesAsync(http, "?fieldSelector=metadata.name%3Db");
        var both = await NamesAsync(http, "?labelSelector=team&fieldSelector=metadata.name!%3Da");

        Assert.Equal(["a", "c"], payments);
        Assert.Equal(["b"], notPayments);
        Assert.Equal(["b"], byName);
        Assert.Equal(["b", "c"], both);
    }

    [Fact]
    public async Task Kubectl_table_output_carries_the_crd_printer_columns()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        var table = (await http.SendAsync(HttpMethod.Get, SimulatorHttp.FlinkDeployments, accept: "application/json;as=Table;v=v1;g=meta.k8s.io")).Object;

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Job Status", "Lifecycle State", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["orders", "RUNNING", "STABLE", "60s"], table["rows"]![0]!["cells"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    private static long Generation(SimulatorHttp.Response response) => response.Object["metadata"]!["generation"]!.GetValue<long>();

    private static async Task<List<string>> NamesAsync(SimulatorHttp http, string query) =>
        [.. ((JsonArray)(await http.GetAsync(SimulatorHttp.FlinkDeployments + query)).Object["items"]!).Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
}
