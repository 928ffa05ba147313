using Cmf.Core.Configuration;
using Cmf.Simulator.Operator;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.EndToEnd;

/// <summary>
/// DESIGN 3.3 scenarios 1-10 end to end: the simulated operator plays them (as docs/operator-conformance.md says FKO
/// does), the real dashboard watches over HTTP and stores them, and the CMF and extension APIs are asked what happened:
/// current instance, pending, each instance's job state, stop and job id, cluster owners with hand-overs, and events.
/// </summary>
public abstract class DesignScenarioEndToEndTests(StoreProviderKind engine)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Scenarios_1_and_2_savepoint_upgrade_overlaps_the_instances_then_moves_to_a_new_cluster()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await scenario.AdvanceAsync("payments", Settle);
        var created = await scenario.ReadAsync("payments");
        var firstJob = scenario.JobIdNow("payments");

        scenario.Patch("payments", """{"spec":{"job":{"parallelism":3}}}""");
        await scenario.AdvanceAsync("payments", TimeSpan.FromSeconds(3));
        var takingSavepoint = await scenario.ReadAsync("payments");
        await scenario.AdvanceAsync("payments", Settle);
        var upgraded = await scenario.ReadAsync("payments");

        Assert.Equal(("#1", "-", "#1=RUNNING", "C:#1"), (created.Current, created.Pending, created.JobStates, created.ClusterOwners));
        Assert.Equal(("#1", "#2", "#1=RUNNING #2=-", "C:#1"), (takingSavepoint.Current, takingSavepoint.Pending, takingSavepoint.JobStates, takingSavepoint.ClusterOwners));
        Assert.Equal(("#2", "-", "#1=FINISHED #2=RUNNING", "C:#1 ended C:#2"), (upgraded.Current, upgraded.Pending, upgraded.JobStates, upgraded.ClusterOwners));
        Assert.Equal("#1=upgrade(savepoint) #2=-", upgraded.Stops);
        Assert.Equal(firstJob, upgraded.JobId(1));
        Assert.Equal(scenario.JobIdNow("payments"), upgraded.JobId(2));
        Assert.NotEqual(upgraded.JobId(1), upgraded.JobId(2));
        Assert.Equal(1, upgraded.Count("Instance #2 created"));
        Assert.Equal(["started for #1", "current #1"], takingSavepoint.ClusterAndCurrentEvents);
        Assert.Equal(["started for #1", "current #1", "ended of #1", "started for #2", "current #2"], upgraded.ClusterAndCurrentEvents);
        Assert.Equal(1, upgraded.Count("Job FINISHED on instance #1"));
        Assert.Equal(0, upgraded.Count("Job FINISHED on instance #2"));
    }

    [Fact]
    public async Task Scenarios_3_to_5_blocked_upgrade_revert_and_migration()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("payments").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithAnnotation(SimulatorKnobs.SavepointFails, "true").Build());
        await scenario.AdvanceAsync("payments", Settle);
        var firstJob = scenario.JobIdNow("payments");

        scenario.Patch("payments", """{"spec":{"job":{"parallelism":3}}}""");
        await scenario.AdvanceAsync("payments", TimeSpan.FromMinutes(4));
        var blocked = await scenario.ReadAsync("payments");

        scenario.Patch("payments", """{"spec":{"job":{"parallelism":2}}}""");
        await scenario.AdvanceAsync("payments", Settle);
        var reverted = await scenario.ReadAsync("payments");

        scenario.Patch("payments", """{"spec":{"job":{"parallelism":4,"upgradeMode":"stateless"}}}""");
        await scenario.AdvanceAsync("payments", Settle);
        var migrated = await scenario.ReadAsync("payments");

        // 3: C1 keeps running for #1; #2 pending; the flapping error is one episode.
        Assert.Equal(("#1", "#2", "#1=RUNNING #2=-", "C:#1"), (blocked.Current, blocked.Pending, blocked.JobStates, blocked.ClusterOwners));
        Assert.Equal(1, blocked.Count("Error: "));
        Assert.Equal(["started for #1", "current #1"], blocked.ClusterAndCurrentEvents);
        Assert.Equal(0, blocked.Count("Error cleared"));
        // 4: the revert is #3, nothing pending, #1 still current on C1, #2 never deployed.
        Assert.Equal(("#1", "-", "#1=RUNNING #2=- #3=-", "C:#1"), (reverted.Current, reverted.Pending, reverted.JobStates, reverted.ClusterOwners));
        Assert.Null(reverted.Details[1]["reconciledAt"]);
        Assert.NotNull(reverted.Details[1]["endedAt"]);
        Assert.Equal(1, reverted.Count("Error cleared"));
        Assert.Equal(["started for #1", "current #1"], reverted.ClusterAndCurrentEvents);
        Assert.Equal(firstJob, reverted.JobId(1));
        Assert.Equal((null, null), (reverted.JobId(2), reverted.JobId(3)));
        // 5: a stateless change migrates off C1 to C3 for #4; #1 was stopped for an upgrade, not with a savepoint.
        Assert.Equal(("#4", "-", "#1=FINISHED #2=- #3=- #4=RUNNING", "C:#1 ended C:#4"), (migrated.Current, migrated.Pending, migrated.JobStates, migrated.ClusterOwners));
        Assert.Equal("#1=upgrade #2=- #3=- #4=-", migrated.Stops);
        Assert.Equal(firstJob, migrated.JobId(1));
        Assert.NotEqual(firstJob, migrated.JobId(4));
        Assert.Equal(1, migrated.Count("Error: "));
        Assert.Equal(["started for #1", "current #1", "ended of #1", "started for #4", "current #4"], migrated.ClusterAndCurrentEvents);
    }

    [Theory]
    [InlineData(SimulatorKnobs.FinishAfterSeconds, "FINISHED")]
    [InlineData(SimulatorKnobs.FailAfterSeconds, "FAILED")]
    public async Task Scenario_6_a_finite_job_keeps_its_final_state_after_a_later_change(string knob, string final)
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("billing").WithAnnotation(knob, "60").Build());
        await scenario.AdvanceAsync("billing", TimeSpan.FromMinutes(3));
        var ended = await scenario.ReadAsync("billing");

        scenario.Patch("billing", "{\"metadata\":{\"annotations\":{\"" + knob + "\":null}},\"spec\":{\"job\":{\"parallelism\":3}}}");
        await scenario.AdvanceAsync("billing", Settle);
        var changed = await scenario.ReadAsync("billing");

        Assert.Equal(("#1", $"#1={final}"), (ended.Current, ended.JobStates));
        Assert.Equal(("#2", "-", $"#1={final} #2=RUNNING", "C:#1 ended C:#2"), (changed.Current, changed.Pending, changed.JobStates, changed.ClusterOwners));
        Assert.Equal("#1=- #2=-", changed.Stops);
        Assert.NotEqual(changed.JobId(1), changed.JobId(2));
        Assert.Equal(ended.JobId(1), changed.JobId(1));
        // The operator writes FINISHED over a FAILED job when it restarts it; the failed instance keeps FAILED.
        Assert.Equal(1, changed.Count($"Job {final} on instance #1"));
        Assert.Equal(final == "FINISHED" ? 1 : 0, changed.Count("Job FINISHED on instance #1"));
        Assert.Equal(1, changed.Count("Job RUNNING on instance #2"));
        Assert.Equal(["started for #1", "current #1", "ended of #1", "started for #2", "current #2"], changed.ClusterAndCurrentEvents);
    }

    [Fact]
    public async Task Scenario_7_savepoint_suspend_keeps_the_cluster_until_its_ttl_and_resume_starts_a_new_one()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("customer").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.jm-deployment.shutdown-ttl", "30 min").Build());
        await scenario.AdvanceAsync("customer", Settle);
        var firstJob = scenario.JobIdNow("customer");

        scenario.Patch("customer", """{"spec":{"job":{"state":"suspended"}}}""");
        await scenario.AdvanceAsync("customer", Settle);
        var suspended = await scenario.ReadAsync("customer");
        await scenario.AdvanceAsync("customer", TimeSpan.FromMinutes(30));
        var afterTtl = await scenario.ReadAsync("customer");

        scenario.Patch("customer", """{"spec":{"job":{"state":"running"}}}""");
        await scenario.AdvanceAsync("customer", Settle);
        var resumed = await scenario.ReadAsync("customer");

        Assert.Equal(("#1", "-", "#1=FINISHED #2=-", "C:#1"), (suspended.Current, suspended.Pending, suspended.JobStates, suspended.ClusterOwners));
        Assert.Equal((firstJob, null), (suspended.JobId(1), suspended.JobId(2)));
        Assert.Equal(1, suspended.Count("Job FINISHED on instance #1"));
        Assert.Equal(0, suspended.Count("Job FINISHED on instance #2"));
        Assert.Equal(["started for #1", "current #1"], suspended.ClusterAndCurrentEvents);
        Assert.Equal("#1=suspend(savepoint) #2=-", suspended.Stops);
        Assert.Equal("SUSPENDED", suspended.Details[1]["lifecycleState"]?.GetValue<string>());
        Assert.Equal(("-", "C:#1 ended"), (afterTtl.Current, afterTtl.ClusterOwners));
        Assert.Equal(["started for #1", "current #1", "ended of #1"], afterTtl.ClusterAndCurrentEvents);
        Assert.Equal(("#3", "-", "#1=FINISHED #2=- #3=RUNNING", "C:#1 ended C:#3"), (resumed.Current, resumed.Pending, resumed.JobStates, resumed.ClusterOwners));
        Assert.Equal("#1=suspend(savepoint) #2=- #3=-", resumed.Stops);
        Assert.Equal(firstJob, resumed.JobId(1));
        Assert.Null(resumed.JobId(2));
        Assert.Equal(scenario.JobIdNow("customer"), resumed.JobId(3));
        Assert.NotEqual(firstJob, resumed.JobId(3));
        Assert.Equal(["started for #1", "current #1", "ended of #1", "started for #3", "current #3"], resumed.ClusterAndCurrentEvents);
    }

    [Fact]
    public async Task Scenario_8_an_ignore_change_hands_the_cluster_over_in_place()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("savepoint").WithHighAvailability().Build());
        await scenario.AdvanceAsync("orders", Settle);
        var job = scenario.JobIdNow("orders");

        scenario.Patch("orders", """{"spec":{"job":{"upgradeMode":"last-state"}}}""");
        await scenario.AdvanceAsync("orders", Settle);
        var changed = await scenario.ReadAsync("orders");

        Assert.Equal(("#2", "-", "#1=RUNNING #2=RUNNING", "C:#1>#2"), (changed.Current, changed.Pending, changed.JobStates, changed.ClusterOwners));
        Assert.Equal((job, job), (changed.JobId(1), changed.JobId(2)));
        Assert.NotNull(changed.Details[0]["endedAt"]);
        Assert.Equal(["started for #1", "current #1", "handed #1>#2", "current #2"], changed.ClusterAndCurrentEvents);
    }

    [Fact]
    public async Task Scenario_9_the_rollback_cluster_runs_the_last_stable_instance_and_the_failed_one_keeps_its_failure()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("geo").WithUpgradeMode("savepoint").WithHighAvailability()
            .WithConfiguration("kubernetes.operator.deployment.rollback.enabled", "true")
            .WithConfiguration("kubernetes.operator.deployment.readiness.timeout", "1 min").Build());
        await scenario.AdvanceAsync("geo", Settle);
        var firstJob = scenario.JobIdNow("geo");

        scenario.Patch("geo", "{\"metadata\":{\"annotations\":{\"" + SimulatorKnobs.StartupFails + "\":\"true\"}}}");
        scenario.Patch("geo", """{"spec":{"image":"flink:1.20-broken"}}""");
        await scenario.AdvanceAsync("geo", TimeSpan.FromMinutes(4));
        var rolledBack = await scenario.ReadAsync("geo");

        Assert.Equal(("#1", "-", "#1=RUNNING #2=RECONCILING", "C:#1 ended C:#2 ended C:#1"),
            (rolledBack.Current, rolledBack.Pending, rolledBack.JobStates, rolledBack.ClusterOwners));
        Assert.Equal("Rollback", rolledBack.Clusters[2]["ownerSource"]!.GetValue<string>());
        Assert.Contains("CrashLoop", rolledBack.Details[1]["error"]!.GetValue<string>(), StringComparison.Ordinal);
        // #1 runs again, so it is no longer the stopped instance; rolling back #2 is not a stop of #2.
        Assert.Equal("#1=- #2=-", rolledBack.Stops);
        // The rollback deploys #1's spec under a new job id; #2 keeps the id it was given and never ran.
        Assert.Equal(scenario.JobIdNow("geo"), rolledBack.JobId(1));
        Assert.NotEqual(firstJob, rolledBack.JobId(1));
        Assert.NotEqual(rolledBack.JobId(1), rolledBack.JobId(2));
        // #2 was current while its cluster lived; the rollback cluster makes #1 current again.
        Assert.Equal(
            ["started for #1", "current #1", "ended of #1", "started for #2", "current #2", "ended of #2", "started for #1", "current #1"],
            rolledBack.ClusterAndCurrentEvents);
    }

    [Fact]
    public async Task Scenario_10_a_last_state_upgrade_without_ha_metadata_cancels_on_the_old_instance_and_gives_the_new_job_id_to_the_new()
    {
        await using var scenario = await ScenarioDashboard.StartAsync(store: engine);
        scenario.Create(FlinkDeploymentBuilder.Named("orders").WithUpgradeMode("last-state")
            .WithConfiguration("state.checkpoints.dir", "file:///flink-data/checkpoints").Build());
        await scenario.AdvanceAsync("orders", Settle);
        var firstJob = scenario.JobIdNow("orders");

        scenario.Patch("orders", """{"spec":{"job":{"parallelism":3}}}""");
        await scenario.AdvanceAsync("orders", Settle);
        var upgraded = await scenario.ReadAsync("orders");

        Assert.Equal(("#2", "-", "#1=CANCELED #2=RUNNING", "C:#1 ended C:#2"), (upgraded.Current, upgraded.Pending, upgraded.JobStates, upgraded.ClusterOwners));
        Assert.Equal("#1=upgrade #2=-", upgraded.Stops);
        Assert.Equal(firstJob, upgraded.JobId(1));
        Assert.Equal(scenario.JobIdNow("orders"), upgraded.JobId(2));
        Assert.NotEqual(firstJob, upgraded.JobId(2));
        Assert.Equal(1, upgraded.Count("Job CANCELLING on instance #1"));
        Assert.Equal(1, upgraded.Count("Job CANCELED on instance #1"));
        Assert.Equal(0, upgraded.EventMessages.Count(m => m.StartsWith("Job CANCEL", StringComparison.Ordinal) && m.Contains("on instance #2", StringComparison.Ordinal)));
        Assert.Equal(1, upgraded.Count("Job RUNNING on instance #2"));
        Assert.Equal(["started for #1", "current #1", "ended of #1", "started for #2", "current #2"], upgraded.ClusterAndCurrentEvents);
    }
}

public sealed class DesignScenarioEndToEndTestsOnSqlite() : DesignScenarioEndToEndTests(StoreProviderKind.Sqlite);

public sealed class DesignScenarioEndToEndTestsOnPostgreSql() : DesignScenarioEndToEndTests(StoreProviderKind.PostgreSql);
