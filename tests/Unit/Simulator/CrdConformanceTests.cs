using System.Text.Json.Nodes;
using Cmf.Simulator;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Everything the simulator serves as a FlinkDeployment must be valid against the real CRD schema, enums included.</summary>
public sealed class CrdConformanceTests
{
    [Fact]
    public async Task Every_status_the_operator_writes_through_all_sequences_is_valid_against_the_crd()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("savepoints").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("blocked").WithUpgradeMode("savepoint").WithAnnotation(SimulatorKnobs.SavepointFails, "true").Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("batch").WithAnnotation(SimulatorKnobs.FinishAfterSeconds, "30").Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("failing").WithAnnotation(SimulatorKnobs.FailAfterSeconds, "30").Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("rollback")
            .WithUpgradeMode("last-state").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.deployment.rollback.enabled", "true")
            .WithConfiguration("kubernetes.operator.deployment.readiness.timeout", "30s")
            .Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.PatchAsync("savepoints", OperatorUpgradeTests.Parallelism(4));
        await cluster.PatchAsync("blocked", OperatorUpgradeTests.Parallelism(4));
        await cluster.PatchAsync("rollback", new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [SimulatorKnobs.StartupFails] = "true" } } });
        await cluster.PatchAsync("rollback", OperatorUpgradeTests.Parallelism(4));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        await cluster.PatchAsync("savepoints", new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = "suspended" } } });
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.Http.DeleteAsync($"{SimulatorHttp.FlinkDeployments}/batch");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));

        var served = cluster.FlinkDeploymentWatch.Objects;
        var lifecycles = served.Select(o => o["status"]?["lifecycleState"]?.GetValue<string>()).ToHashSet();
        var problems = served.SelectMany(o => CrdSchema.ValidateFlinkDeployment(o).Select(p => $"{o["metadata"]!["name"]} rv {o["metadata"]!["resourceVersion"]}: {p}")).ToList();

        Assert.Empty(problems);
        Assert.Superset(new HashSet<string?> { "UPGRADING", "DEPLOYED", "STABLE", "SUSPENDED", "FAILED", "ROLLING_BACK", "ROLLED_BACK" }, lifecycles);
    }

    [Fact]
    public async Task The_demo_applications_are_valid_against_the_crd()
    {
        await using var server = await TestSimulator.StartAsync(SimulatorScenarios.Demo);
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(5));

        var problems = server.Api.ListFlinkDeployments()
            .SelectMany(o => CrdSchema.ValidateFlinkDeployment(o).Select(p => $"{o["metadata"]!["name"]}: {p}"))
            .ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void The_crd_validator_reports_a_missing_or_null_required_field_at_any_depth()
    {
        // The operator's CRD declares no required field today; a schema that does must still be enforced.
        var schema = JsonNode.Parse("""
            {"type": "object", "required": ["spec"], "properties": {
              "spec": {"type": "object", "required": ["job", "image"], "properties": {
                "image": {"type": "string"},
                "job": {"type": "object", "required": ["jarURI"], "properties": {"jarURI": {"type": "string"}, "parallelism": {"type": "integer"}}}}}}}
            """)!.AsObject();

        Assert.Equal(["spec: Required value"], CrdSchema.Validate(new JsonObject { ["kind"] = "FlinkDeployment" }, schema));
        Assert.Equal(["spec.job.jarURI: Required value"], CrdSchema.Validate(JsonNode.Parse("""{"spec": {"image": "flink", "job": {"parallelism": 2}}}""")!.AsObject(), schema));
        Assert.Equal(["spec.image: Required value"], CrdSchema.Validate(JsonNode.Parse("""{"spec": {"image": null, "job": {"jarURI": "local:///x.jar"}}}""")!.AsObject(), schema));
    }

    [Fact]
    public void The_crd_validator_catches_a_wrong_enum_and_an_unknown_field()
    {
        var invalid = FlinkDeploymentBuilder.Named("x").Build();
        invalid["spec"]!["flinkVersion"] = "v0_9";
        invalid["spec"]!["jobManger"] = new JsonObject();
        invalid["status"] = new JsonObject { ["lifecycleState"] = "RUNNING" };

        var problems = CrdSchema.ValidateFlinkDeployment(invalid);

        Assert.Contains(problems, p => p.StartsWith("spec.flinkVersion", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("spec.jobManger: unknown field", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("status.lifecycleState", StringComparison.Ordinal));
    }
}
