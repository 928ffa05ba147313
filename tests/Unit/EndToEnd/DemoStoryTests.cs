using Cmf.Simulator;

namespace Cmf.UnitTests.EndToEnd;

/// <summary>
/// The built-in demo tells DESIGN 3.3's story early: a newcomer who opens the dashboard right after starting it sees,
/// within a minute, an application whose current instance is older than two newer ones, and soon after a suspend, an
/// in-place change and a rollback. Read through the APIs of the real dashboard watching the demo.
/// </summary>
public sealed class DemoStoryTests
{
    [Fact]
    public async Task Within_a_minute_the_blocked_upgrade_and_the_revert_leave_the_oldest_instance_current()
    {
        await using var demo = await ScenarioDashboard.StartAsync(scenario: SimulatorScenarios.Demo);

        await demo.AdvanceAsync("payments-fraud-detection", TimeSpan.FromSeconds(60));
        var payments = await demo.ReadAsync("payments-fraud-detection");

        Assert.Equal(3, payments.Instances.Count);
        Assert.Equal(("#1", "-", "C:#1"), (payments.Current, payments.Pending, payments.ClusterOwners));
        Assert.Null(payments.Details[1]["reconciledAt"]);
        Assert.Equal(1, payments.Count("Error: "));
    }

    [Fact]
    public async Task Within_three_minutes_the_demo_shows_a_suspend_an_in_place_change_and_a_rollback()
    {
        await using var demo = await ScenarioDashboard.StartAsync(scenario: SimulatorScenarios.Demo);

        // Not a full three minutes: the demo's random tuning changes start at 3:00 and may pick one of these applications.
        await demo.Simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(170));
        await demo.CaughtUpAsync("customer-360-cdc");
        await demo.CaughtUpAsync("ad-impressions-rollup");
        await demo.CaughtUpAsync("geo-fencing-alerts", "staging");
        await demo.CaughtUpAsync("recommendations-trainer", "staging");
        var suspended = await demo.ReadAsync("customer-360-cdc");
        var inPlace = await demo.ReadAsync("ad-impressions-rollup");
        var rolledBack = await demo.ReadAsync("geo-fencing-alerts", "staging");
        var rescaled = await demo.ReadAsync("recommendations-trainer", "staging");

        Assert.Equal("#1=suspend(savepoint) #2=-", suspended.Stops);
        Assert.Equal("SUSPENDED", suspended.Details[1]["lifecycleState"]?.GetValue<string>());
        Assert.Equal(("#2", "C:#1>#2"), (inPlace.Current, inPlace.ClusterOwners));
        Assert.Equal(("#1", "C:#1 ended C:#2 ended C:#1"), (rolledBack.Current, rolledBack.ClusterOwners));
        Assert.Equal(("#2", "C:#1>#2"), (rescaled.Current, rescaled.ClusterOwners));
    }
}
