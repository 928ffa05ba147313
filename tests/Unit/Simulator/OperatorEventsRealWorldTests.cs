using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.RealWorld;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// The simulated operator's Kubernetes Events against the ones the real operator wrote on real clusters
/// (../shared/reference/realworld): every reason both show has the same type and a message of the same shape.
/// </summary>
public sealed partial class OperatorEventsRealWorldTests
{
    [Fact]
    public async Task Events_the_real_operator_was_seen_writing_read_the_same_from_the_simulator()
    {
        var simulated = await PlayUpgradeSuspendCrashLoopAndDeleteAsync();
        var real = RealWorldEvents.All.ToLookup(e => e.Reason);

        var compared = simulated.Where(e => real.Contains(e.Reason)).ToList();
        Assert.All(compared, e =>
        {
            Assert.Contains(e.Type, real[e.Reason].Select(r => r.Type));
            var shapes = real[e.Reason].Select(r => Shape(r.Message)).ToHashSet(StringComparer.Ordinal);
            Assert.True(shapes.Contains(Shape(e.Message)),
                $"{e.Reason} \"{e.Message}\" has the shape \"{Shape(e.Message)}\"; real ones: {string.Join(" | ", shapes)}");
        });
        Assert.Superset(
            new HashSet<string>(["Submit", "JobStatusChanged", "SpecChanged", "Suspended", "CrashLoopBackOff", "Cleanup"]),
            compared.Select(e => e.Reason).ToHashSet());
    }

    [Theory]
    [InlineData("Job status changed from CANCELLING to CANCELED", "Job status changed from S to S")]
    [InlineData("UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.parallelism : 2 -> 3]), starting reconciliation.", "S change(s) detected (Diff: FlinkDeploymentSpec[..]), starting reconciliation.")]
    [InlineData("[flink-main-container] back-off 1m20s restarting failed container=flink-main-container pod=p-1_ns(uid)", "[flink-main-container] back-off T restarting failed container=flink-main-container pod=P")]
    public void A_shape_keeps_the_wording_and_drops_states_diffs_durations_and_pods(string message, string shape) =>
        Assert.Equal(shape, Shape(message));

    private sealed record SimulatedEvent(string Reason, string Type, string Message);

    private static async Task<List<SimulatedEvent>> PlayUpgradeSuspendCrashLoopAndDeleteAsync()
    {
        await using var cluster = await ObservedCluster.StartAsync();
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("broken").WithAnnotation(SimulatorKnobs.StartupFails, "true").Build());
        await cluster.CreateAsync(FlinkDeploymentBuilder.Named("sessions").WithUpgradeMode("last-state")
            .WithConfiguration("state.checkpoints.dir", "file:///flink-data/checkpoints").Build());
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.PatchAsync("orders", OperatorUpgradeTests.Parallelism(3));
        await cluster.PatchAsync("sessions", OperatorUpgradeTests.Parallelism(3));
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.PatchAsync("orders", new JsonObject { ["spec"] = new JsonObject { ["job"] = new JsonObject { ["state"] = "suspended" } } });
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await cluster.Http.DeleteAsync($"{SimulatorHttp.FlinkDeployments}/sessions");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));

        var events = new List<SimulatedEvent>();
        foreach (var name in new[] { "orders", "broken", "sessions" })
        {
            events.AddRange((await cluster.EventsAboutAsync(name)).Select(e => new SimulatedEvent(
                e!["reason"]!.GetValue<string>(), e["type"]!.GetValue<string>(), e["message"]!.GetValue<string>())));
        }
        return events;
    }

    /// <summary>The wording of a message with what differs between two occurrences (states, diffs, durations, pods) blanked.</summary>
    private static string Shape(string message)
    {
        var shape = Diff().Replace(message, "FlinkDeploymentSpec[..]");
        shape = Pod().Replace(shape, "pod=P");
        shape = Duration().Replace(shape, "back-off T");
        return State().Replace(shape, "S");
    }

    [GeneratedRegex(@"FlinkDeploymentSpec\[.*\]")]
    private static partial Regex Diff();

    [GeneratedRegex(@"pod=\S+")]
    private static partial Regex Pod();

    [GeneratedRegex(@"back-off (\d+m)?(\d+s)?")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b[A-Z][A-Z_]{2,}\b")]
    private static partial Regex State();
}
