using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Every namespace is Active with the "kubernetes" finalizer and its name label, as the API server's namespace strategy writes it.</summary>
public sealed class NamespaceStrategyTests
{
    private const string Namespaces = "/api/v1/namespaces";

    [Fact]
    public async Task A_namespace_created_with_a_name_alone_is_active_with_the_kubernetes_finalizer_and_its_name_label()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var created = await http.PostAsync(Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "team-a" } });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        AssertActiveWithKubernetesFinalizer(created.Object);
        Assert.Equal("team-a", created.Object["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_cannot_create_a_namespace_terminating_or_without_the_kubernetes_finalizer()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var ns = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"},
             "spec": {"finalizers": ["example.com/cleanup"]}, "status": {"phase": "Terminating"}}
            """)!;

        var created = (await http.PostAsync(Namespaces, ns)).Object;

        Assert.Equal("Active", created["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(["example.com/cleanup", "kubernetes"], created["spec"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task An_update_keeps_the_stored_finalizers_and_phase()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var created = (await http.PostAsync(Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "team-a" } })).Object;
        created["spec"] = new JsonObject { ["finalizers"] = new JsonArray() };
        created["status"] = new JsonObject { ["phase"] = "Terminating" };
        created["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };

        var updated = await http.PutAsync($"{Namespaces}/team-a", created);

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        AssertActiveWithKubernetesFinalizer(updated.Object);
        Assert.Equal("a", updated.Object["metadata"]!["labels"]!["team"]!.GetValue<string>());
        Assert.Equal("team-a", updated.Object["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_create_shows_the_namespace_as_it_would_be_stored()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var dryRun = await http.PostAsync($"{Namespaces}?dryRun=All", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "team-a" } });

        AssertActiveWithKubernetesFinalizer(dryRun.Object);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Namespaces}/team-a")).Status);
    }

    [Fact]
    public async Task The_namespaces_the_demo_scenario_seeds_are_active_with_the_kubernetes_finalizer()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        using var http = new SimulatorHttp(server.BaseUrl);

        var namespaces = (JsonArray)(await http.GetAsync(Namespaces)).Object["items"]!;

        Assert.Contains(namespaces, n => n!["metadata"]!["name"]!.GetValue<string>() == "prod");
        Assert.All(namespaces, n => AssertActiveWithKubernetesFinalizer(n!.AsObject()));
    }

    private static void AssertActiveWithKubernetesFinalizer(JsonObject ns)
    {
        Assert.Equal("Active", ns["status"]?["phase"]?.GetValue<string>());
        Assert.Equal(["kubernetes"], ns["spec"]?["finalizers"]?.AsArray().Select(f => f!.GetValue<string>()) ?? []);
    }
}
