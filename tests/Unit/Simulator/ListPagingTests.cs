using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// Lists served in pages with <c>limit</c> and <c>continue</c>, as the API server serves them: every page read at the
/// first page's version, <c>remainingItemCount</c> without selectors, 410 Expired once that version is compacted.
/// </summary>
public sealed class ListPagingTests
{
    private const string AllFlinkDeployments = "/apis/flink.apache.org/v1beta1/flinkdeployments";

    [Fact]
    public async Task Pages_of_a_list_put_together_are_the_whole_list_at_one_version()
    {
        await using var server = await StartWithAsync(applications: 10);
        using var http = new SimulatorHttp(server.BaseUrl);
        var whole = (await http.GetAsync(AllFlinkDeployments)).Object;

        var pages = await PagesAsync(http, AllFlinkDeployments, limit: 3);

        Assert.Equal(4, pages.Count);
        Assert.Equal(Names(whole), pages.SelectMany(Names));
        Assert.All(pages, p => Assert.Equal(Version(whole), Version(p)));
        Assert.Equal(new long?[] { 7, 4, 1, null }, pages.Select(p => p["metadata"]?["remainingItemCount"]?.GetValue<long>()));
        Assert.Null(pages[^1]["metadata"]?["continue"]);
    }

    [Fact]
    public async Task Later_pages_show_the_objects_as_they_were_when_the_list_began()
    {
        await using var server = await StartWithAsync(applications: 6);
        using var http = new SimulatorHttp(server.BaseUrl);
        var first = (await http.GetAsync(AllFlinkDeployments + "?limit=2")).Object;
        var before = server.Api.GetFlinkDeployment("team-a", "app-05")!;

        server.Api.DeleteFlinkDeployment("team-a", "app-04");
        server.Api.PatchFlinkDeployment("team-a", "app-05", new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = 7 } } });
        server.Api.CreateFlinkDeployment("team-a", FlinkDeploymentBuilder.Named("app-99").Build());
        var rest = await PagesAsync(http, AllFlinkDeployments, limit: 2, startAfter: first);

        var names = Names(first).Concat(rest.SelectMany(Names)).ToList();
        Assert.Equal([.. Enumerable.Range(0, 6).Select(i => $"app-{i:D2}")], names);
        var app05 = rest.SelectMany(Items).Single(i => i["metadata"]!["name"]!.GetValue<string>() == "app-05");
        Assert.Equal(before["metadata"]!["resourceVersion"]!.GetValue<string>(), app05["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.All(rest, p => Assert.Equal(Version(first), Version(p)));
    }

    [Fact]
    public async Task A_continue_whose_version_was_compacted_is_answered_410_expired()
    {
        await using var server = await StartWithAsync(applications: 5);
        using var http = new SimulatorHttp(server.BaseUrl);
        var first = (await http.GetAsync(AllFlinkDeployments + "?limit=2")).Object;
        server.Api.PatchFlinkDeployment("team-a", "app-00", new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["touched"] = "yes" } } });

        server.Faults.CompactResourceVersions();
        var next = await http.GetAsync(AllFlinkDeployments + "?limit=2&continue=" + Uri.EscapeDataString(Continue(first)));

        Assert.Equal(HttpStatusCode.Gone, next.Status);
        Assert.Equal("Expired", next.Reason);
        Assert.StartsWith("The provided continue parameter is too old to display a consistent list result.", next.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_list_with_a_selector_leaves_out_the_remaining_count_and_filters_every_page()
    {
        await using var server = await StartWithAsync(applications: 4);
        using var http = new SimulatorHttp(server.BaseUrl);
        await server.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        const string pods = "/api/v1/pods?labelSelector=component%3Djobmanager";
        var whole = (await http.GetAsync(pods)).Object;

        var pages = await PagesAsync(http, pods, limit: 1);

        Assert.Equal(4, Items(whole).Count());
        Assert.Equal(Names(whole), pages.SelectMany(Names));
        Assert.All(pages, p => Assert.Null(p["metadata"]?["remainingItemCount"]));
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("limit=2&continue=not-a-token", "continue key is not valid")]
    [InlineData("limit=2&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MCwic3RhcnQiOiJ4L3lcdTAwMDAifQ", "continue key is not valid")]
    public async Task Bad_paging_parameters_are_a_400_that_says_which(string query, string message)
    {
        await using var server = await StartWithAsync(applications: 1);
        using var http = new SimulatorHttp(server.BaseUrl);

        var response = await http.GetAsync(AllFlinkDeployments + "?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(message, response.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_version_next_to_a_continue_is_refused_as_the_api_server_does()
    {
        await using var server = await StartWithAsync(applications: 3);
        using var http = new SimulatorHttp(server.BaseUrl);
        var first = (await http.GetAsync(AllFlinkDeployments + "?limit=1")).Object;

        var response = await http.GetAsync($"{AllFlinkDeployments}?limit=1&resourceVersion={Version(first)}&continue={Uri.EscapeDataString(Continue(first))}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("specifying resource version is not allowed when using continue", response.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kubectl_in_chunks_lists_the_same_objects_as_in_one_piece()
    {
        await using var server = await StartWithAsync(applications: 7);
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));

        var whole = (await kubectl.RunAsync("get", "flinkdeployments", "-A", "-o", "json", "--chunk-size=0")).ShouldSucceed();
        var chunked = (await kubectl.RunAsync("get", "flinkdeployments", "-A", "-o", "json", "--chunk-size=2", "-v=6")).ShouldSucceed();
        var table = (await kubectl.RunAsync("get", "flinkdeployments", "-A", "--chunk-size=3", "--no-headers")).ShouldSucceed();

        Assert.Equal(Names(JsonNode.Parse(whole.Output)!.AsObject()), Names(JsonNode.Parse(chunked.Output)!.AsObject()));
        Assert.Equal(7, Names(JsonNode.Parse(chunked.Output)!.AsObject()).Count());
        // -v=6 logs each request: the first page and three continues.
        Assert.Equal(3, CountOf(chunked.Error, "continue="));
        Assert.Equal(7, table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_python_client_pages_through_a_list_with_limit_and_continue()
    {
        await using var server = await StartWithAsync(applications: 5);
        using var temp = new TempDirectory();
        var kubeconfig = server.WriteKubeconfig(temp.File("kubeconfig"));
        const string script = """
            import sys
            from kubernetes import client, config
            config.load_kube_config(config_file=sys.argv[1])
            api = client.CustomObjectsApi()
            token, pages, names = None, 0, []
            while True:
                page = api.list_cluster_custom_object("flink.apache.org", "v1beta1", "flinkdeployments", limit=2, _continue=token)
                pages += 1
                names += [item["metadata"]["name"] for item in page["items"]]
                token = page["metadata"].get("continue")
                if not token:
                    break
            print(pages, " ".join(names))
            """;

        var result = await Command.RunAsync(TypedModels.Python, ["-c", script, kubeconfig], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("3 app-00 app-01 app-02 app-03 app-04", result.Output.Trim());
    }

    private static async Task<SimulatorServer> StartWithAsync(int applications)
    {
        var server = await TestSimulator.StartAsync();
        server.Api.CreateNamespace("team-a");
        for (var i = 0; i < applications; i++)
        {
            server.Api.CreateFlinkDeployment("team-a", FlinkDeploymentBuilder.Named($"app-{i:D2}").Build());
        }
        return server;
    }

    /// <summary>Every page from the first (or from the one after <paramref name="startAfter"/>) to the last, bounded.</summary>
    private static async Task<List<JsonObject>> PagesAsync(SimulatorHttp http, string path, int limit, JsonObject? startAfter = null)
    {
        var pages = new List<JsonObject>();
        var token = startAfter is null ? null : Continue(startAfter);
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        for (var i = 0; i < 100; i++)
        {
            var response = await http.GetAsync($"{path}{separator}limit={limit}" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, response.Status);
            pages.Add(response.Object);
            token = response.Object["metadata"]?["continue"]?.GetValue<string>();
            if (token is null)
            {
                return pages;
            }
        }
        throw new InvalidOperationException("More than 100 pages.");
    }

    private static string Continue(JsonObject page) => page["metadata"]!["continue"]!.GetValue<string>();

    private static string Version(JsonObject list) => list["metadata"]!["resourceVersion"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Items(JsonObject list) => list["items"]!.AsArray().Select(i => i!.AsObject());

    private static IEnumerable<string> Names(JsonObject list) => Items(list).Select(i => i["metadata"]!["name"]!.GetValue<string>());

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
