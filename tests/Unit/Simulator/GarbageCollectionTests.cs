using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// Cascading deletion of a Deployment's pods, looked up in the store's owner index: the pods it owns directly or
/// through a ReplicaSet named after it go, every other pod stays, and the index follows changes of the owners.
/// </summary>
public sealed class GarbageCollectionTests
{
    private const string Deployments = "/apis/apps/v1/namespaces/{0}/deployments";
    private const string Pods = "/api/v1/namespaces/{0}/pods";

    [Fact]
    public async Task Deleting_a_Deployment_deletes_exactly_the_pods_it_owns()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await CreateNamespaceAsync(http, "other");
        var app1 = await CreateDeploymentAsync(http, "default", "app-1");
        await CreateDeploymentAsync(http, "default", "app-10");
        await CreatePodAsync(http, "default", "by-replicaset", ReplicaSetOwner("app-1-5d8f9"));
        await CreatePodAsync(http, "default", "by-nested-replicaset-name", ReplicaSetOwner("app-1-canary-77c4"));
        await CreatePodAsync(http, "default", "by-uid", new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = "app-1", ["uid"] = app1 });
        await CreatePodAsync(http, "default", "of-a-longer-name", ReplicaSetOwner("app-10-5d8f9"));
        await CreatePodAsync(http, "default", "replicaset-without-dash", ReplicaSetOwner("app-1"));
        await CreatePodAsync(http, "other", "same-name-other-namespace", ReplicaSetOwner("app-1-5d8f9"));
        await CreatePodAsync(http, "default", "owner-removed", ReplicaSetOwner("app-1-5d8f9"));
        await CreatePodAsync(http, "default", "owner-added", ReplicaSetOwner("unrelated-1"));
        Assert.Equal(HttpStatusCode.OK, (await http.MergePatchAsync(string.Format(Pods, "default") + "/owner-removed",
            JsonNode.Parse("""{"metadata":{"ownerReferences":null}}""")!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.MergePatchAsync(string.Format(Pods, "default") + "/owner-added",
            new JsonObject { ["metadata"] = new JsonObject { ["ownerReferences"] = new JsonArray(ReplicaSetOwner("app-1-5d8f9")) } })).Status);

        var deleted = await http.DeleteAsync(string.Format(Deployments, "default") + "/app-1");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(["of-a-longer-name", "owner-removed", "replicaset-without-dash"], await PodNamesAsync(http, "default"));
        Assert.Equal(["same-name-other-namespace"], await PodNamesAsync(http, "other"));
    }

    [Fact]
    public async Task A_pod_deleted_and_created_again_under_another_owner_is_filed_under_the_new_owner_only()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await CreateDeploymentAsync(http, "default", "first");
        await CreateDeploymentAsync(http, "default", "second");
        await CreatePodAsync(http, "default", "worker", ReplicaSetOwner("first-6b7c"));
        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync(string.Format(Pods, "default") + "/worker")).Status);
        await CreatePodAsync(http, "default", "worker", ReplicaSetOwner("second-6b7c"));

        await http.DeleteAsync(string.Format(Deployments, "default") + "/first");
        Assert.Equal(["worker"], await PodNamesAsync(http, "default"));

        await http.DeleteAsync(string.Format(Deployments, "default") + "/second");
        Assert.Empty(await PodNamesAsync(http, "default"));
    }

    private static JsonObject ReplicaSetOwner(string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "ReplicaSet",
        ["name"] = name,
        ["uid"] = $"uid-of-{name}",
        ["controller"] = true,
    };

    private static async Task CreateNamespaceAsync(SimulatorHttp http, string name)
    {
        var created = await http.PostAsync("/api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
    }

    private static async Task<string> CreateDeploymentAsync(SimulatorHttp http, string ns, string name)
    {
        var created = await http.PostAsync(string.Format(Deployments, ns), new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox" }) },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Object["metadata"]!["uid"]!.GetValue<string>();
    }

    private static async Task CreatePodAsync(SimulatorHttp http, string ns, string name, JsonObject owner)
    {
        var created = await http.PostAsync(string.Format(Pods, ns), new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["ownerReferences"] = new JsonArray(owner) },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox" }) },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
    }

    private static async Task<List<string>> PodNamesAsync(SimulatorHttp http, string ns)
    {
        var list = await http.GetAsync(string.Format(Pods, ns));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        return [.. list.Object["items"]!.AsArray().Select(p => p!["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }
}
