using System.Net;
using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// Everything the simulator serves deserialises into the official Kubernetes Python client's typed models
/// (python3-kubernetes), which refuse a missing required field, and every FlinkDeployment is valid against the CRD.
/// </summary>
public sealed class TypedModelTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Every_version_of_every_object_the_demo_serves_in_25_minutes_fits_the_official_typed_models()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await using var served = await ServedObjects.StartAsync(server);

        await served.AdvanceAsync(TimeSpan.FromMinutes(25), Step);

        var builtIn = served.BuiltIn();
        AssertCovers(builtIn, "Namespace", "Pod", "Deployment", "Event");
        // The demo's rollback starts a JobManager that crash-loops, and its batch jobs end: both shapes are checked.
        Assert.Contains(served.Of(ServedObjects.Pods), p => ContainerWaitingReason(p) == "CrashLoopBackOff");
        Assert.Contains(served.Of(ServedObjects.Pods), p => ContainerWaitingReason(p) == "ContainerCreating");
        Assert.Superset(new HashSet<string?> { "UPGRADING", "STABLE", "SUSPENDED", "ROLLED_BACK", "FAILED" }, LifecycleStates(served));
        AssertNone(await TypedModels.ProblemsAsync(builtIn), "the official typed models refused");
        AssertNone(CrdProblems(served.Of(ServedObjects.FlinkDeployments)), "the FlinkDeployment CRD schema refused");
    }

    [Fact]
    public async Task Every_version_of_every_object_the_operator_sequences_serve_fits_the_official_typed_models()
    {
        await using var server = await TestSimulator.StartAsync();
        await using var served = await ServedObjects.StartAsync(server);
        using var http = new SimulatorHttp(server.BaseUrl);
        await CreateAsync(http, FlinkDeploymentBuilder.Named("savepoints").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await CreateAsync(http, FlinkDeploymentBuilder.Named("blocked").WithUpgradeMode("savepoint").WithAnnotation(SimulatorKnobs.SavepointFails, "true").Build());
        await CreateAsync(http, FlinkDeploymentBuilder.Named("batch").WithAnnotation(SimulatorKnobs.FinishAfterSeconds, "30").Build());
        await CreateAsync(http, FlinkDeploymentBuilder.Named("failing").WithAnnotation(SimulatorKnobs.FailAfterSeconds, "30").Build());
        await CreateAsync(http, FlinkDeploymentBuilder.Named("rollback")
            .WithUpgradeMode("last-state").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.deployment.rollback.enabled", "true")
            .WithConfiguration("kubernetes.operator.deployment.readiness.timeout", "30s")
            .Build());
        await served.AdvanceAsync(TimeSpan.FromMinutes(1), Step);
        await PatchAsync(http, "savepoints", OperatorUpgradeTests.Parallelism(4));
        await PatchAsync(http, "blocked", OperatorUpgradeTests.Parallelism(4));
        await PatchAsync(http, "rollback", new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SimulatorKnobs.StartupFails] = "true" } } });
        await PatchAsync(http, "rollback", OperatorUpgradeTests.Parallelism(4));
        await served.AdvanceAsync(TimeSpan.FromMinutes(2), Step);
        await PatchAsync(http, "savepoints", JobState("suspended"));
        await served.AdvanceAsync(TimeSpan.FromMinutes(1), Step);
        await PatchAsync(http, "savepoints", JobState("running"));
        await served.AdvanceAsync(TimeSpan.FromMinutes(1), Step);
        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync($"{SimulatorHttp.FlinkDeployments}/batch")).Status);
        await served.AdvanceAsync(TimeSpan.FromMinutes(1), Step);

        var builtIn = served.BuiltIn();
        AssertCovers(builtIn, "Namespace", "Pod", "Deployment", "Event");
        Assert.Contains(served.Of(ServedObjects.Pods), p => ContainerWaitingReason(p) == "CrashLoopBackOff");
        Assert.Superset(new HashSet<string?> { "UPGRADING", "STABLE", "SUSPENDED", "FAILED", "ROLLED_BACK" }, LifecycleStates(served));
        AssertNone(await TypedModels.ProblemsAsync(builtIn), "the official typed models refused");
        AssertNone(CrdProblems(served.Of(ServedObjects.FlinkDeployments)), "the FlinkDeployment CRD schema refused");
    }

    public static TheoryData<string, string> BrokenObjects => new()
    {
        { "a running container status without imageID", "Pod:status.containerStatuses.0.imageID" },
        { "a container status without restartCount", "Pod:status.containerStatuses.0.restartCount" },
        { "a pod condition without status", "Pod:status.conditions.0.status" },
        { "an owner reference without uid", "Pod:metadata.ownerReferences.0.uid" },
        { "a Deployment without a selector", "Deployment:spec.selector" },
        { "a Deployment condition without a type", "Deployment:status.conditions.0.type" },
        { "an event without involvedObject", "Event:involvedObject" },
        { "a namespace without a phase", "Namespace:status.phase" },
    };

    [Theory]
    [MemberData(nameof(BrokenObjects))]
    public async Task The_checker_reports_an_object_missing_a_required_field(string what, string kindAndField)
    {
        await using var server = await TestSimulator.StartAsync();
        await using var served = await ServedObjects.StartAsync(server);
        using var http = new SimulatorHttp(server.BaseUrl);
        await CreateAsync(http, FlinkDeploymentBuilder.Named("orders").Build());
        await served.AdvanceAsync(TimeSpan.FromMinutes(1), Step);
        var (kind, field) = (kindAndField.Split(':')[0], kindAndField.Split(':')[1]);
        var original = served.BuiltIn().Last(o => o["kind"]!.GetValue<string>() == kind && Has(o, field));
        var broken = original.DeepClone().AsObject();
        Remove(broken, field);

        var problems = await TypedModels.ProblemsAsync([original, broken]);

        var name = broken["metadata"]!["name"]!.GetValue<string>();
        var version = broken["metadata"]!["resourceVersion"]!.GetValue<string>();
        Assert.True(problems.Count > 0, $"{what} was not reported");
        Assert.All(problems, p => Assert.True(p.StartsWith($"{kind} ", StringComparison.Ordinal) && p.Contains($"{name} rv {version}:", StringComparison.Ordinal), $"{what}: {p}"));
    }

    [Fact]
    public async Task The_checker_refuses_a_kind_it_has_no_typed_model_for()
    {
        var problems = await TypedModels.ProblemsAsync([FlinkDeploymentBuilder.Named("orders").Build()]);

        Assert.Contains("no typed model for flink.apache.org/v1beta1 FlinkDeployment", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static void AssertNone(IReadOnlyList<string> problems, string what) =>
        Assert.True(problems.Count == 0, $"{what} {problems.Count} served object version(s):\n{string.Join('\n', problems.Take(40))}");

    private static void AssertCovers(IReadOnlyList<JsonObject> objects, params string[] kinds)
    {
        foreach (var kind in kinds)
        {
            Assert.True(objects.Count(o => o["kind"]?.GetValue<string>() == kind) > 1, $"no {kind} versions were collected");
        }
    }

    private static List<string> CrdProblems(IReadOnlyList<JsonObject> flinkDeployments)
    {
        Assert.NotEmpty(flinkDeployments);
        return [.. flinkDeployments.SelectMany(o => CrdSchema.ValidateFlinkDeployment(o).Select(p => $"{o["metadata"]!["name"]} rv {o["metadata"]!["resourceVersion"]}: {p}"))];
    }

    private static HashSet<string?> LifecycleStates(ServedObjects served) =>
        [.. served.Of(ServedObjects.FlinkDeployments).Select(o => o["status"]?["lifecycleState"]?.GetValue<string>())];

    private static string? ContainerWaitingReason(JsonObject pod) =>
        pod["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"]?.GetValue<string>();

    private static async Task CreateAsync(SimulatorHttp http, JsonObject flinkDeployment) =>
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(SimulatorHttp.FlinkDeployments, flinkDeployment)).Status);

    private static async Task PatchAsync(SimulatorHttp http, string name, JsonObject mergePatch)
    {
        var response = await http.MergePatchAsync($"{SimulatorHttp.FlinkDeployments}/{name}", mergePatch);
        Assert.True(response.Status == HttpStatusCode.OK, response.Body?.ToJsonString());
    }

    private static JsonObject JobState(string state) =>
        new() { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = state } } };

    private static bool Has(JsonObject obj, string path) => Parent(obj, path, out var last) switch
    {
        JsonObject o => o[last] is not null,
        JsonArray a => int.Parse(last, System.Globalization.CultureInfo.InvariantCulture) < a.Count,
        _ => false,
    };

    private static void Remove(JsonObject obj, string path)
    {
        if (Parent(obj, path, out var last) is JsonObject parent)
        {
            parent.Remove(last);
        }
    }

    // The node holding the last segment of a dotted path ("status.conditions.0.type"); numeric segments index arrays.
    private static JsonNode? Parent(JsonObject obj, string path, out string last)
    {
        var parts = path.Split('.');
        last = parts[^1];
        JsonNode? node = obj;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array && int.TryParse(part, out var index) ? (index < array.Count ? array[index] : null) : node?[part];
        }
        return node;
    }
}
