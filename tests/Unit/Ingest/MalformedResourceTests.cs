using System.Text.Json.Nodes;
using Cmf.Core.Model;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Ingest;

/// <summary>
/// A FlinkDeployment the dashboard cannot read is recorded as an error event of its application and skipped;
/// the watcher goes on and other applications are tracked as before.
/// </summary>
public sealed class MalformedResourceTests
{
    private const string Ns = "prod";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "wrong-types", """{"podTemplate":{"metadata":{"annotations":{"platform.confluent.io/cmf-fa-instance":42}}},"job":{"jarURI":"local:///job.jar"}}""", "annotations" },
        { "missing-spec", "", "spec" },
        { "two-megabytes", HugeSpec(2 * 1024 * 1024), "too large" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Unreadable_flink_deployment_becomes_an_error_event_and_the_others_go_on(string name, string spec, string reason)
    {
        await using var simulator = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        simulator.Api.CreateNamespace(Ns);
        await using var cluster = await WatchedCluster.StartAsync(simulator);

        var resource = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkDeployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
        };
        if (spec.Length > 0)
        {
            resource["spec"] = JsonNode.Parse(spec);
        }
        simulator.Api.CreateFlinkDeployment(Ns, resource);
        simulator.Api.CreateFlinkDeployment(Ns, FlinkDeploymentBuilder.Named("healthy").Build());

        await cluster.UntilAsync(Ns, "healthy", a => a.Summary.LatestInstance?.Sequence == 1, "the healthy application is tracked");
        var events = await Eventually.ValueAsync(
            async () => (await cluster.Queries.ListEventsAsync(new ApplicationKey(Ns, name), 0, 10, CancellationToken.None))?.Items,
            items => items is { Count: > 0 },
            "the unreadable application has an event");
        var rejected = Assert.Single(events!);
        Assert.Equal(AppEventKind.ResourceRejected, rejected.Kind);
        Assert.Contains(reason, rejected.Message, StringComparison.Ordinal);
        Assert.Empty(await cluster.InstancesAsync(Ns, name));

        simulator.Api.PatchFlinkDeployment(Ns, "healthy", JsonNode.Parse("""{"spec":{"job":{"parallelism":5}}}""")!.AsObject());
        await cluster.UntilAsync(Ns, "healthy", a => a.Summary.LatestInstance?.Sequence == 2, "the watcher still follows the healthy application");
        Assert.All(cluster.Health.Watches, w => Assert.Null(w.LastError));
    }

    private static string HugeSpec(int bytes) =>
        new JsonObject
        {
            ["job"] = new JsonObject { ["jarURI"] = "local:///job.jar" },
            ["flinkConfiguration"] = new JsonObject { ["pipeline.global-job-parameters"] = new string('x', bytes) },
        }.ToJsonString();
}
