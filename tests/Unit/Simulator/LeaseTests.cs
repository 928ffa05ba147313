using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Cmf.UnitTests.Simulator;

/// <summary>coordination.k8s.io/v1 Leases, served as kube-apiserver serves them: what leader election stands on.</summary>
public sealed class LeaseTests
{
    private const string Leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases";

    [Fact]
    public async Task Kubectl_creates_gets_and_lists_a_lease_found_through_discovery()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        await File.WriteAllTextAsync(temp.File("lease.yaml"), """
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata:
              name: cmf-fa-dashboard
            spec:
              holderIdentity: replica-a
              leaseDurationSeconds: 15
              acquireTime: "2025-06-01T12:00:00.000000Z"
              renewTime: "2025-06-01T12:00:01.500000Z"
              leaseTransitions: 0
            """);

        var created = (await kubectl.RunAsync("create", "-f", temp.File("lease.yaml"))).ShouldSucceed();
        var listed = (await kubectl.RunAsync("get", "leases")).ShouldSucceed();
        var renewed = (await kubectl.RunAsync("get", "lease", "cmf-fa-dashboard", "-o", "jsonpath={.spec.renewTime}")).ShouldSucceed();

        Assert.Contains("lease.coordination.k8s.io/cmf-fa-dashboard created", created.Output);
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+HOLDER\s+AGE", lines[0]);
        Assert.Matches(@"^cmf-fa-dashboard\s+replica-a\s+", lines[1]);
        Assert.Equal("2025-06-01T12:00:01.500000Z", renewed.Output);
    }

    [Fact]
    public async Task Kubectl_create_of_an_existing_lease_is_already_exists()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        await File.WriteAllTextAsync(temp.File("lease.yaml"), "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: lock\n");
        (await kubectl.RunAsync("create", "-f", temp.File("lease.yaml"))).ShouldSucceed();

        var again = await kubectl.RunAsync("create", "-f", temp.File("lease.yaml"));

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("leases.coordination.k8s.io \"lock\" already exists", again.Error);
    }

    [Fact]
    public async Task Kubectl_replace_with_a_stale_resource_version_is_a_conflict()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        var kubectl = new Kubectl(server.WriteKubeconfig(temp.File("kubeconfig")));
        await File.WriteAllTextAsync(temp.File("lease.yaml"), "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: lock\nspec:\n  holderIdentity: a\n");
        (await kubectl.RunAsync("create", "-f", temp.File("lease.yaml"))).ShouldSucceed();
        var stale = (await kubectl.RunAsync("get", "lease", "lock", "-o", "json")).ShouldSucceed().Output;
        (await kubectl.RunAsync("patch", "lease", "lock", "--type", "merge", "-p", """{"spec":{"holderIdentity":"b"}}""")).ShouldSucceed();
        await File.WriteAllTextAsync(temp.File("stale.json"), stale.Replace("\"a\"", "\"c\"", StringComparison.Ordinal));

        var replaced = await kubectl.RunAsync("replace", "-f", temp.File("stale.json"));

        Assert.NotEqual(0, replaced.ExitCode);
        Assert.Contains("Operation cannot be fulfilled on leases.coordination.k8s.io \"lock\": the object has been modified; please apply your changes to the latest version and try again", replaced.Error);
    }

    [Fact]
    public async Task A_stale_update_is_a_409_conflict_status_as_the_api_server_writes_it()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var created = (await http.PostAsync(Leases, Lease("lock", "a"))).Object;
        var fresh = created.DeepClone().AsObject();
        fresh["spec"]!["holderIdentity"] = "b";
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync(Leases + "/lock", fresh)).Status);

        var stale = await http.PutAsync(Leases + "/lock", created);

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("Status", stale.Object["kind"]!.GetValue<string>());
        Assert.Equal("Failure", stale.Object["status"]!.GetValue<string>());
        Assert.Equal("Conflict", stale.Reason);
        Assert.Equal(409, stale.Object["code"]!.GetValue<int>());
        Assert.Equal("lock", stale.Object["details"]!["name"]!.GetValue<string>());
        Assert.Equal("coordination.k8s.io", stale.Object["details"]!["group"]!.GetValue<string>());
        Assert.Equal("leases", stale.Object["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_without_a_resource_version_is_refused_as_leases_allow_no_unconditional_update()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(Leases, Lease("lock", "a"));

        var unconditional = await http.PutAsync(Leases + "/lock", Lease("lock", "b"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconditional.Status);
        Assert.Contains("metadata.resourceVersion", unconditional.Text);
    }

    [Fact]
    public async Task A_put_to_a_missing_lease_creates_it()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var put = await http.PutAsync(Leases + "/lock", Lease("lock", "a"));

        Assert.Equal(HttpStatusCode.Created, put.Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Leases + "/lock")).Status);
    }

    [Theory]
    [InlineData("""{"leaseDurationSeconds":"15"}""", "cannot unmarshal string into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32")]
    [InlineData("""{"leaseTransitions":3000000000}""", "cannot unmarshal number 3000000000 into Go struct field LeaseSpec.spec.leaseTransitions of type int32")]
    [InlineData("""{"holderIdentity":7}""", "cannot unmarshal number into Go struct field LeaseSpec.spec.holderIdentity of type string")]
    [InlineData("""{"renewTime":"2025-06-01T12:00:00Z"}""", "parsing time \"2025-06-01T12:00:00Z\" as \"2006-01-02T15:04:05.000000Z07:00\"")]
    public async Task A_spec_field_of_the_wrong_type_is_a_bad_request(string spec, string message)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var lease = Lease("lock", null);
        lease["spec"] = JsonNode.Parse(spec);

        var created = await http.PostAsync(Leases, lease);

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.StartsWith("Lease in version \"v1\" cannot be handled as a Lease: ", created.Object["message"]!.GetValue<string>());
        Assert.Contains(message, created.Object["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"leaseDurationSeconds":0}""", "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0")]
    [InlineData("""{"leaseTransitions":-1}""", "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0")]
    public async Task A_spec_value_out_of_range_is_invalid(string spec, string message)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var lease = Lease("lock", null);
        lease["spec"] = JsonNode.Parse(spec);

        var created = await http.PostAsync(Leases, lease);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.Status);
        Assert.Contains($"Lease.coordination.k8s.io \"lock\" is invalid: {message}", created.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Micro_times_are_stored_in_utc_with_microseconds()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var lease = Lease("lock", "a");
        lease["spec"]!["acquireTime"] = "2025-06-01T14:00:00.250000+02:00";

        var created = (await http.PostAsync(Leases, lease)).Object;

        Assert.Equal("2025-06-01T12:00:00.250000Z", created["spec"]!["acquireTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_typed_v1_lease_of_kubernetes_client_round_trips()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(server.WriteKubeconfig(temp.File("kubeconfig"))));
        var acquired = new DateTime(2025, 6, 1, 12, 0, 0, 123, 456, DateTimeKind.Utc);
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "cmf-fa-dashboard", NamespaceProperty = "default" },
            Spec = new V1LeaseSpec { HolderIdentity = "replica-a", LeaseDurationSeconds = 15, AcquireTime = acquired, RenewTime = acquired, LeaseTransitions = 2 },
        };

        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "default");
        created.Spec.HolderIdentity = "replica-b";
        created.Spec.RenewTime = acquired.AddSeconds(2);
        var replaced = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "cmf-fa-dashboard", "default");
        var read = await client.CoordinationV1.ReadNamespacedLeaseAsync("cmf-fa-dashboard", "default");
        var listed = await client.CoordinationV1.ListNamespacedLeaseAsync("default");
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.ReadNamespacedLeaseAsync("nobody", "default"));

        Assert.Equal("replica-b", read.Spec.HolderIdentity);
        Assert.Equal(15, read.Spec.LeaseDurationSeconds);
        Assert.Equal(2, read.Spec.LeaseTransitions);
        Assert.Equal(acquired, read.Spec.AcquireTime!.Value.ToUniversalTime());
        Assert.Equal(acquired.AddSeconds(2), read.Spec.RenewTime!.Value.ToUniversalTime());
        Assert.Equal(replaced.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("cmf-fa-dashboard", Assert.Single(listed.Items).Metadata.Name);
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
    }

    [Fact]
    public async Task A_lease_watch_sees_renewals_and_the_deletion()
    {
        await using var server = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(server.WriteKubeconfig(temp.File("kubeconfig"))));
        var list = await client.CoordinationV1.ListNamespacedLeaseAsync("default");
        var seen = new List<(WatchEventType Type, string? Holder)>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CoordinationV1.WatchListNamespacedLeaseAsync(
                "default", resourceVersion: list.Metadata.ResourceVersion, allowWatchBookmarks: true, cancellationToken: cts.Token))
            {
                lock (seen)
                {
                    seen.Add((type, item.Spec?.HolderIdentity));
                }
            }
        }, cts.Token);

        var created = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "lock" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "default");
        created.Spec.HolderIdentity = "b";
        await client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "lock", "default");
        await client.CoordinationV1.DeleteNamespacedLeaseAsync("lock", "default");

        await Eventually.TrueAsync(() => { lock (seen) { return seen.Any(e => e.Type == WatchEventType.Deleted); } }, "the watch saw the deletion");
        await cts.CancelAsync();
        await watching.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (seen)
        {
            Assert.Equal([(WatchEventType.Added, "a"), (WatchEventType.Modified, "b"), (WatchEventType.Deleted, "b")], seen.Where(e => e.Type != WatchEventType.Bookmark));
        }
    }

    private static JsonObject Lease(string name, string? holder) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = holder is null ? new JsonObject() : new JsonObject { ["holderIdentity"] = holder, ["leaseDurationSeconds"] = 15 },
    };
}
