using System.Text.Json.Nodes;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>DESIGN 3.3 steps 3 to 5: a savepoint that keeps failing blocks the upgrade; a revert or a stateless change gets out.</summary>
public sealed class OperatorBlockedUpgradeTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_failing_savepoint_sets_the_error_and_keeps_the_old_cluster_running()
    {
        await using var cluster = await StartWithFailingSavepointsAsync();
        var before = FlinkStatusView.Of(await cluster.GetAsync("payments"));

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));

        var after = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal(2, after.Generation);
        Assert.Equal(1, after.ObservedGeneration);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", after.Brief);
        Assert.Equal(before.JobId, after.JobId);
        var error = JsonNode.Parse(after.Error!)!;
        Assert.Equal("Savepoint Error", error["message"]!.GetValue<string>());
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task A_failing_savepoint_is_retried_periodically()
    {
        await using var cluster = await StartWithFailingSavepointsAsync();
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));
        var firstCount = await SavepointErrorCountAsync(cluster);

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(1, firstCount);
        Assert.True(await SavepointErrorCountAsync(cluster) >= 3);
        Assert.NotNull(FlinkStatusView.Of(await cluster.GetAsync("payments")).Error);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task Reverting_the_spec_while_blocked_clears_the_error_and_keeps_the_cluster()
    {
        await using var cluster = await StartWithFailingSavepointsAsync();
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));

        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(2));
        await cluster.AdvanceAsync(Settle);

        var status = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal(3, status.Generation);
        Assert.Equal(3, status.ObservedGeneration);
        Assert.Null(status.Error);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        Assert.Equal(["ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task A_later_stateless_change_migrates_off_the_blocked_cluster()
    {
        await using var cluster = await StartWithFailingSavepointsAsync();
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(2));
        await cluster.AdvanceAsync(Settle);

        await cluster.PatchAsync("payments", new JsonObject
        {
            ["spec"] = new JsonObject { ["job"] = new JsonObject { ["parallelism"] = 4, ["upgradeMode"] = "stateless" } },
        });
        await cluster.AdvanceAsync(Settle);

        var status = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal(4, status.ObservedGeneration);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        var jobManagers = cluster.JobManagerEvents();
        Assert.Equal(["ADDED", "DELETED", "ADDED"], jobManagers.Select(e => e.Type));
        Assert.Equal("4", jobManagers[2].Generation);
    }

    [Fact]
    public async Task Savepoints_succeed_again_once_the_knob_allows_it()
    {
        await using var cluster = await StartWithFailingSavepointsAsync(failures: "2");
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(4));

        Assert.Equal(2, await SavepointErrorCountAsync(cluster));
        var status = FlinkStatusView.Of(await cluster.GetAsync("payments"));
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
        Assert.Equal(2, status.ObservedGeneration);
        Assert.Null(status.Error);
        Assert.Equal(["ADDED", "DELETED", "ADDED"], cluster.JobManagerEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task The_operator_reports_spec_changed_suspended_and_savepoint_error_events()
    {
        await using var cluster = await StartWithFailingSavepointsAsync();
        await cluster.PatchAsync("payments", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));

        var events = await cluster.EventsAboutAsync("payments");
        var reasons = events.Select(e => e!["reason"]!.GetValue<string>()).ToList();

        Assert.Contains("Submit", reasons);
        Assert.Contains("SpecChanged", reasons);
        Assert.Contains("Suspended", reasons);
        Assert.Contains("SavepointError", reasons);
        var specChanged = events.First(e => e!["reason"]!.GetValue<string>() == "SpecChanged")!;
        Assert.Contains("job.parallelism : 2 -> 3", specChanged["message"]!.GetValue<string>());
        Assert.Equal("FlinkDeployment", specChanged["involvedObject"]!["kind"]!.GetValue<string>());
        var savepointError = events.First(e => e!["reason"]!.GetValue<string>() == "SavepointError")!;
        Assert.Equal("Warning", savepointError["type"]!.GetValue<string>());
    }

    private static async Task<ObservedCluster> StartWithFailingSavepointsAsync(string failures = "true")
    {
        var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("payments")
            .WithUpgradeMode("savepoint")
            .WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, failures)
            .Build());
        await cluster.AdvanceAsync(Settle);
        return cluster;
    }

    private static async Task<long> SavepointErrorCountAsync(ObservedCluster cluster) =>
        (await cluster.EventsAboutAsync("payments"))
            .Where(e => e!["reason"]!.GetValue<string>() == "SavepointError")
            .Sum(e => e!["count"]!.GetValue<long>());
}
