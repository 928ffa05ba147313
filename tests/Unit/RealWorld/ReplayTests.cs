using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.UnitTests.Ingest;
using Cmf.UnitTests.Simulator.Support;
using Cmf.UnitTests.TestSupport;
using SimulatorKnobs = Cmf.Simulator.Operator.SimulatorKnobs;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// Captured statuses replayed end to end: an unmanaged FlinkDeployment in the simulator has its status written, over
/// real HTTP through the status subresource, exactly as the real operator wrote it, and the dashboard's watcher, tracker
/// and SQLite store must record exactly that sequence.
/// </summary>
public sealed class ReplayTests
{
    private const string Ns = "default";
    private const string Name = "flink-stream-example";
    private const string StatusPath = SimulatorHttp.FlinkDeployments + "/" + Name + "/status";

    // Long enough for the simulated operator to deploy a cluster and reach STABLE, had it managed the object.
    private static readonly TimeSpan OperatorWouldHaveActed = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_watcher_records_the_airflow_status_sequence_exactly_as_the_real_operator_wrote_it()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await using var cluster = await WatchedCluster.StartAsync(simulator);
        using var http = new SimulatorHttp(simulator.BaseUrl);
        var created = await CreateUnmanagedAsync(http, Fixture(AirflowFixtureTests.Deploying));
        var recorded = new List<OperatorReading>();

        foreach (var file in new[] { AirflowFixtureTests.Deploying, AirflowFixtureTests.DeployedNotReady, AirflowFixtureTests.ReadyJobCreated, AirflowFixtureTests.MissingUpgradingSuspend })
        {
            var status = Nodes.Object(Fixture(file), "status");
            var written = await WriteStatusAsync(http, status);
            await simulator.Clock.AdvanceAsync(OperatorWouldHaveActed);

            var served = (await http.GetAsync(SimulatorHttp.FlinkDeployments + "/" + Name)).Object;
            Assert.True(JsonNode.DeepEquals(status, served["status"]), $"{file}: the status was changed after it was written: {served["status"]?.ToJsonString()}");
            Assert.Equal(written, ResourceVersion(served));
            await cluster.UntilAsync(Ns, Name, a => long.Parse(a.ResourceVersion!, CultureInfo.InvariantCulture) >= written, "the watcher stored the status of " + file);
            var stored = (await cluster.ApplicationAsync(Ns, Name))!;
            Assert.Equal(written.ToString(CultureInfo.InvariantCulture), stored.ResourceVersion);
            recorded.Add(new OperatorReading(
                stored.Summary.JobState, stored.Summary.LifecycleState, stored.JobManagerDeploymentStatus, stored.ReconciliationState,
                stored.ObservedGeneration, stored.Summary.Error, stored.JobId));
        }

        // What the four captures show, read by hand: no lifecycle, no observedGeneration and an empty error in that era.
        Assert.Equal(
        [
            new OperatorReading(JobState.Reconciling, null, JobManagerDeploymentStatus.Deploying, ReconciliationState.Deployed, null, null, null),
            new OperatorReading(JobState.Reconciling, null, JobManagerDeploymentStatus.DeployedNotReady, ReconciliationState.Deployed, null, null, null),
            new OperatorReading(JobState.Created, null, JobManagerDeploymentStatus.Ready, ReconciliationState.Deployed, null, null, "5d6feb14e05a3b00cbc55c2c8331fb7f"),
            new OperatorReading(null, null, JobManagerDeploymentStatus.Missing, ReconciliationState.Upgrading, null, null, null),
        ], recorded);

        var instance = Assert.Single(await cluster.InstancesAsync(Ns, Name));
        Assert.Equal(InstanceUid.FromObject(Nodes.Text(created, "metadata", "uid")!, 1), instance.Uid);
        Assert.Equal((JobState.Created, "5d6feb14e05a3b00cbc55c2c8331fb7f"), (instance.JobState, instance.JobId));
        Assert.Empty(await cluster.ClustersAsync(Ns, Name));

        var events = (await cluster.Queries.ListEventsAsync(new ApplicationKey(Ns, Name), 0, 100, oldestFirst: true, CancellationToken.None))!.Items;
        Assert.Equal(
            ["InstanceCreated", "JobStateChanged RECONCILING", "JobStateChanged CREATED"],
            events.Select(e => $"{e.Kind} {e.NewStatus}".TrimEnd()));
        Assert.All(events, e => Assert.Equal(instance.Uid, e.InstanceUid));
        await cluster.ThrowIfStoppedAsync();
        Assert.Empty(simulator.OperatorErrors);
    }

    [Fact]
    public async Task Kubectl_replace_of_the_status_subresource_writes_a_captured_status_as_it_is()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var temp = new TempDirectory();
        using var http = new SimulatorHttp(simulator.BaseUrl);
        var kubectl = new Kubectl(simulator.WriteKubeconfig(temp.File("kubeconfig")));
        var created = await CreateUnmanagedAsync(http, Fixture(AirflowFixtureTests.Deploying));
        var status = Nodes.Object(Fixture(AirflowFixtureTests.ReadyJobCreated), "status");
        var file = temp.File("status.json");
        await File.WriteAllTextAsync(file, new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Ns },
            ["status"] = status.DeepClone(),
        }.ToJsonString());

        var result = (await kubectl.RunAsync("replace", "--subresource=status", "-f", file)).ShouldSucceed();
        await simulator.Clock.AdvanceAsync(OperatorWouldHaveActed);

        Assert.Contains($"flinkdeployment.flink.apache.org/{Name} replaced", result.Output, StringComparison.Ordinal);
        var served = (await http.GetAsync(SimulatorHttp.FlinkDeployments + "/" + Name)).Object;
        Assert.True(JsonNode.DeepEquals(status, served["status"]), served["status"]?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(created["spec"], served["spec"]), "the spec must not change through the status subresource");
        Assert.Equal(1, served["metadata"]!["generation"]!.GetValue<long>());
    }

    /// <summary>The captured object as a client would create it: its spec, its name, and the unmanaged knob; no status.</summary>
    private static async Task<JsonObject> CreateUnmanagedAsync(SimulatorHttp http, JsonObject captured)
    {
        var manifest = new JsonObject
        {
            ["apiVersion"] = captured["apiVersion"]!.DeepClone(),
            ["kind"] = captured["kind"]!.DeepClone(),
            ["metadata"] = new JsonObject
            {
                ["name"] = Name,
                ["annotations"] = new JsonObject { [SimulatorKnobs.Unmanaged] = "true" },
            },
            ["spec"] = captured["spec"]!.DeepClone(),
        };
        var response = await http.PostAsync(SimulatorHttp.FlinkDeployments, manifest);
        Assert.True(response.Status == HttpStatusCode.Created, response.Body?.ToJsonString());
        return response.Object;
    }

    /// <summary>Replaces the status subresource with <paramref name="status"/>; returns the new resource version.</summary>
    private static async Task<long> WriteStatusAsync(SimulatorHttp http, JsonObject status)
    {
        var current = (await http.GetAsync(SimulatorHttp.FlinkDeployments + "/" + Name)).Object;
        current["status"] = status.DeepClone();
        var response = await http.PutAsync(StatusPath, current);
        Assert.True(response.Status == HttpStatusCode.OK, response.Body?.ToJsonString());
        return ResourceVersion(response.Object);
    }

    private static long ResourceVersion(JsonObject resource) =>
        long.Parse(resource["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static JsonObject Fixture(string file) => RealWorldFile.Open(file).PythonDict();
}
