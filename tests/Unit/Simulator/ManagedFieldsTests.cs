using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// metadata.managedFields as k8s.io/apiserver's field manager records them: one entry per manager, operation and
/// subresource, the manager from the fieldManager parameter or the user agent, fields moving to whoever changed them.
/// </summary>
public sealed class ManagedFieldsTests
{
    private const string Path = SimulatorHttp.FlinkDeployments;

    [Fact]
    public async Task Kubectl_apply_records_kubectl_client_side_apply_as_the_owner_of_the_whole_spec()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));

        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();

        var entry = Assert.Single(Entries(await GetAsync(kubectl, "basic-example")), e => e.Manager == "kubectl-client-side-apply");
        Assert.Equal(("Update", null, "flink.apache.org/v1beta1", "FieldsV1"), (entry.Operation, entry.Subresource, entry.ApiVersion, entry.FieldsType));
        Assert.NotNull(Owned(entry, "f:spec", "f:job", "f:parallelism"));
        Assert.NotNull(Owned(entry, "f:metadata", "f:annotations", "f:kubectl.kubernetes.io/last-applied-configuration"));
        Assert.Null(Owned(entry, "f:metadata", "f:name"));
    }

    [Fact]
    public async Task Kubectl_patch_takes_the_patched_field_from_kubectl_apply()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        (await kubectl.RunAsync("apply", "-f", RepositoryPaths.FkoExample("basic.yaml"))).ShouldSucceed();

        (await kubectl.RunAsync("patch", "flinkdeployment", "basic-example", "--type", "merge", "-p", """{"spec":{"job":{"parallelism":3}}}""")).ShouldSucceed();

        var entries = Entries(await GetAsync(kubectl, "basic-example"));
        var patch = Assert.Single(entries, e => e.Manager == "kubectl-patch");
        var apply = Assert.Single(entries, e => e.Manager == "kubectl-client-side-apply");
        Assert.Equal("""{"f:spec":{"f:job":{"f:parallelism":{}}}}""", patch.Fields.ToJsonString());
        Assert.Null(Owned(apply, "f:spec", "f:job", "f:parallelism"));
        Assert.NotNull(Owned(apply, "f:spec", "f:job", "f:upgradeMode"));
    }

    [Fact]
    public async Task The_operator_writes_its_finalizer_and_the_status_subresource_as_the_fabric8_client()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        (await http.PostAsync(Path, FlinkDeploymentBuilder.Named("orders").Build())).Status.ShouldBe(HttpStatusCode.Created);

        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(1));

        var entries = Entries((await http.GetAsync(Path + "/orders")).Object);
        var status = Assert.Single(entries, e => e.Subresource == "status");
        var finalizer = Assert.Single(entries, e => e.Manager == "fabric8-kubernetes-client" && e.Subresource is null);
        Assert.Equal("fabric8-kubernetes-client", status.Manager);
        Assert.Equal(["f:status"], status.Fields.Select(p => p.Key));
        Assert.NotNull(Owned(finalizer, "f:metadata", "f:finalizers", "v:\"flinkdeployments.flink.apache.org/finalizer\""));
        Assert.Null(Owned(finalizer, "f:spec"));
    }

    [Fact]
    public async Task A_post_with_a_field_manager_parameter_records_that_manager()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl, userAgent: "argocd-application-controller/v2.13.0");

        var created = await http.PostAsync(Path + "?fieldManager=argocd-controller", FlinkDeploymentBuilder.Named("orders").Build());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var entry = Assert.Single(Entries(created.Object));
        Assert.Equal(("argocd-controller", "Update", TestSimulator.StartTime), (entry.Manager, entry.Operation, entry.Time));
    }

    [Theory]
    [InlineData("my-deployer/2.1 (linux/amd64) build/abc", "my-deployer")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64)", "Mozilla")]
    [InlineData("no-slash-at-all", "no-slash-at-all")]
    public async Task Without_a_field_manager_the_manager_is_the_user_agent_up_to_its_first_slash(string userAgent, string manager)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl, userAgent);

        var created = await http.PostAsync(Path, FlinkDeploymentBuilder.Named("orders").Build());

        Assert.Equal(manager, Assert.Single(Entries(created.Object)).Manager);
    }

    [Theory]
    [InlineData("bell%07", "invalid character U+0007 (at position 4)")]
    [InlineData("x", "Too long: may not be more than 128 bytes")]
    public async Task An_invalid_field_manager_is_refused_with_a_422_naming_the_options(string fieldManager, string message)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var name = fieldManager == "x" ? new string('x', 129) : fieldManager;

        var refused = await http.PostAsync(Path + "?fieldManager=" + name, FlinkDeploymentBuilder.Named("orders").Build());

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Invalid"), (refused.Status, refused.Reason));
        Assert.Contains("CreateOptions.meta.k8s.io", refused.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(message, refused.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Path + "/orders")).Status);
    }

    [Fact]
    public async Task A_removed_field_leaves_every_owner_and_a_manager_left_with_nothing_disappears()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        using var http = new SimulatorHttp(server.BaseUrl);
        (await http.PostAsync(Path + "?fieldManager=creator", FlinkDeploymentBuilder.Named("orders").Build())).Status.ShouldBe(HttpStatusCode.Created);
        (await http.MergePatchAsync(Path + "/orders?fieldManager=configurer", JsonNode.Parse("""{"spec":{"flinkConfiguration":{"pipeline.name":"orders"}}}""")!)).Status.ShouldBe(HttpStatusCode.OK);

        var patched = await http.MergePatchAsync(Path + "/orders?fieldManager=cleaner", JsonNode.Parse("""{"spec":{"serviceAccount":null,"flinkConfiguration":{"pipeline.name":null}}}""")!);

        var entries = Entries(patched.Object);
        Assert.Equal(["creator"], entries.Select(e => e.Manager));
        Assert.Null(Owned(entries[0], "f:spec", "f:serviceAccount"));
        Assert.NotNull(Owned(entries[0], "f:spec", "f:image"));
    }

    [Fact]
    public async Task A_write_that_changes_nothing_keeps_the_managed_fields()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        using var http = new SimulatorHttp(server.BaseUrl);
        var created = (await http.PostAsync(Path + "?fieldManager=creator", FlinkDeploymentBuilder.Named("orders").Build())).Object;
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(5));
        var replacement = FlinkDeploymentBuilder.Named("orders").Build();
        replacement["metadata"]!["resourceVersion"] = created["metadata"]!["resourceVersion"]!.DeepClone();

        var replaced = await http.PutAsync(Path + "/orders?fieldManager=someone-else", replacement);

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(created["metadata"]!["managedFields"]!.ToJsonString(), replaced.Object["metadata"]!["managedFields"]!.ToJsonString());
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), replaced.Object["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_change_moves_the_time_of_its_manager_and_entries_are_ordered_by_time()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        (await http.PostAsync(Path + "?fieldManager=creator", FlinkDeploymentBuilder.Named("orders").Build())).Status.ShouldBe(HttpStatusCode.Created);
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));

        var patched = await http.MergePatchAsync(Path + "/orders?fieldManager=scaler", JsonNode.Parse("""{"spec":{"job":{"parallelism":8}}}""")!);

        var entries = Entries(patched.Object).Where(e => e.Subresource is null).ToList();
        Assert.Equal(
            [("creator", TestSimulator.StartTime), ("scaler", TestSimulator.StartTime.AddMinutes(2))],
            entries.Where(e => e.Manager is "creator" or "scaler").Select(e => (e.Manager, e.Time)));
    }

    [Fact]
    public async Task The_in_process_api_records_the_field_manager_it_is_given()
    {
        await using var server = await TestSimulator.StartAsync();

        server.Api.CreateFlinkDeployment("default", FlinkDeploymentBuilder.Named("orders").Build(), fieldManager: "helm");
        var patched = server.Api.PatchFlinkDeployment("default", "orders", JsonNode.Parse("""{"spec":{"image":"flink:1.20.1"}}""")!.AsObject(), fieldManager: "kustomize-controller");

        var entries = Entries(patched);
        Assert.NotNull(Owned(Assert.Single(entries, e => e.Manager == "kustomize-controller"), "f:spec", "f:image"));
        Assert.Null(Owned(Assert.Single(entries, e => e.Manager == "helm"), "f:spec", "f:image"));
    }

    private static async Task<JsonObject> GetAsync(Kubectl kubectl, string name) =>
        JsonNode.Parse((await kubectl.RunAsync("get", "flinkdeployment", name, "-o", "json", "--show-managed-fields")).ShouldSucceed().Output)!.AsObject();

    private static List<Entry> Entries(JsonObject obj) =>
        [.. ((obj["metadata"]!["managedFields"] as JsonArray) ?? []).Select(e => new Entry(
            e!["manager"]!.GetValue<string>(),
            e["operation"]!.GetValue<string>(),
            e["subresource"]?.GetValue<string>(),
            e["apiVersion"]!.GetValue<string>(),
            e["fieldsType"]!.GetValue<string>(),
            DateTimeOffset.Parse(e["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            e["fieldsV1"]!.AsObject()))];

    private static JsonNode? Owned(Entry entry, params string[] path)
    {
        JsonNode? node = entry.Fields;
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }
        return node;
    }

    private sealed record Entry(string Manager, string Operation, string? Subresource, string ApiVersion, string FieldsType, DateTimeOffset Time, JsonObject Fields);
}

internal static class StatusCodeAssertions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}
