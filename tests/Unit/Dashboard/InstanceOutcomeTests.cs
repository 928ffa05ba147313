using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using static Cmf.UnitTests.Dashboard.DesignScenario;

namespace Cmf.UnitTests.Dashboard;

/// <summary>Every wording of <see cref="InstanceOutcome"/>, each on the DESIGN 3.3 history that gives it.</summary>
public sealed class InstanceOutcomeTests
{
    [Fact]
    public void The_instance_on_the_live_cluster_is_current()
    {
        Assert.Equal("current", SavepointUpgrade().OutcomeOf(2));
    }

    [Fact]
    public void The_latest_instance_the_operator_has_not_reconciled_is_pending()
    {
        var scenario = BlockedUpgrade() with { ErrorEpisode = null };

        Assert.Equal("pending", scenario.OutcomeOf(2));
    }

    [Fact]
    public void A_pending_instance_held_back_by_an_error_names_it_with_how_often_and_since_when()
    {
        Assert.Equal("pending, upgrade blocked: Savepoint Error (seen 3 times since 11:01:00 UTC)", BlockedUpgrade().OutcomeOf(2));
    }

    [Fact]
    public void An_error_seen_once_gives_no_count()
    {
        var scenario = BlockedUpgrade();
        scenario = scenario with { ErrorEpisode = scenario.ErrorEpisode! with { Count = 1 } };

        Assert.Equal("pending, upgrade blocked: Savepoint Error (since 11:01:00 UTC)", scenario.OutcomeOf(2));
    }

    [Fact]
    public void An_error_first_seen_on_an_earlier_day_gives_its_date()
    {
        var scenario = BlockedUpgrade() with { Now = At(60 * 24 * 2) };

        Assert.Equal("pending, upgrade blocked: Savepoint Error (seen 3 times since Mar 1 11:01 UTC)", scenario.OutcomeOf(2));
    }

    [Fact]
    public void An_error_the_operator_reported_for_another_upgrade_does_not_block_this_one()
    {
        var scenario = BlockedUpgrade();
        scenario = scenario with { ErrorEpisode = scenario.ErrorEpisode! with { PendingInstanceUid = scenario.InstanceNumber(1).Uid } };

        Assert.Equal("pending", scenario.OutcomeOf(2));
    }

    [Fact]
    public void The_description_of_a_blocked_upgrade_keeps_the_whole_error_and_when_it_was_seen()
    {
        var scenario = BlockedUpgrade();

        var outcome = InstanceOutcome.For(scenario.InstanceNumber(2), scenario.History, scenario.Now);

        Assert.Equal(InstanceOutcomeKind.UpgradeBlocked, outcome.Kind);
        Assert.Contains(SavepointError, outcome.Description, StringComparison.Ordinal);
        Assert.Contains("first seen 2025-03-01T11:01:00Z, last seen 2025-03-01T11:50:00Z, 3 times", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_error_is_shortened_in_the_text()
    {
        var scenario = BlockedUpgrade();
        scenario = scenario with { ErrorEpisode = scenario.ErrorEpisode! with { Message = new string('x', 500) } };

        Assert.Contains(new string('x', InstanceOutcome.MaxErrorLength) + "… (", scenario.OutcomeOf(2), StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_replaced_before_the_operator_reconciled_it_was_never_deployed()
    {
        Assert.Equal("never deployed", FailingSavepointThenRevert().OutcomeOf(2));
    }

    [Fact]
    public void A_reconciled_latest_instance_with_the_running_spec_is_a_revert_and_the_older_one_keeps_running()
    {
        Assert.Equal("reverted to #1's spec; #1 keeps running", FailingSavepointThenRevert().OutcomeOf(3));
    }

    [Fact]
    public void A_revert_that_a_later_change_replaced_stays_a_revert()
    {
        var scenario = FailingSavepointThenRevert();
        var third = scenario.InstanceNumber(3) with { SupersededAt = At(200), EndedAt = At(200) };
        var fourth = Instance(4, 200, neverReconciled: true);
        scenario = scenario with { Instances = [.. scenario.Instances.Take(2), third, fourth], Pending = fourth };

        Assert.Equal("reverted to #1's spec", scenario.OutcomeOf(3));
    }

    [Fact]
    public void A_cluster_handed_over_in_place_leaves_the_older_instance_superseded_in_place_by_the_newer()
    {
        var scenario = InPlaceHandOver();

        Assert.Equal("superseded in place by #2", scenario.OutcomeOf(1));
        Assert.Equal("current", scenario.OutcomeOf(2));
    }

    [Theory]
    [InlineData(InstanceStop.Upgrade, "s3://savepoints/sp-1", "stopped with a savepoint for an upgrade")]
    [InlineData(InstanceStop.Upgrade, null, "stopped for an upgrade")]
    [InlineData(InstanceStop.Suspend, "s3://savepoints/sp-1", "suspended with a savepoint")]
    [InlineData(InstanceStop.Suspend, null, "suspended")]
    public void A_job_the_operator_stopped_says_why_and_with_a_savepoint_only_when_it_took_one(InstanceStop stop, string? savepoint, string expected)
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1) with { Stop = stop, StopSavepointPath = savepoint };

        Assert.Equal(expected, InstanceOutcome.For(first, scenario.History, scenario.Now).Text);
    }

    [Fact]
    public void The_job_a_savepoint_suspend_stopped_is_suspended_with_a_savepoint_while_its_cluster_waits_for_the_ttl()
    {
        var first = Instance(1, 0, state: JobState.Finished, supersededAt: 60) with { Stop = InstanceStop.Suspend, StopSavepointPath = "s3://savepoints/sp-s" };
        var second = Instance(2, 60, reconciledAt: 61) with { LifecycleState = LifecycleState.Suspended };
        var scenario = new Scenario([first, second], [Cluster("c1-uid", first, 1)], Current: first, Now: At(120));

        Assert.Equal("suspended with a savepoint", scenario.OutcomeOf(1));
        Assert.Equal("suspended", scenario.OutcomeOf(2));
    }

    [Fact]
    public void A_canceled_job_of_a_last_state_upgrade_is_stopped_for_an_upgrade()
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1) with { JobState = JobState.Canceled, StopSavepointPath = null };

        Assert.Equal("stopped for an upgrade", InstanceOutcome.For(first, scenario.History, scenario.Now).Text);
    }

    [Fact]
    public void A_broken_instance_the_operator_rolled_back_reads_rolled_back_to_the_stable_one()
    {
        var first = Instance(1, 0, state: JobState.Running, supersededAt: 60);
        var second = Instance(2, 60, state: JobState.Reconciling);
        var rollback = Cluster("c3-uid", first, 80) with { OwnerSource = ClusterOwnerSource.Rollback };
        var scenario = new Scenario(
            [first, second],
            [Cluster("c1-uid", first, 1, endedAt: 62), Cluster("c2-uid", second, 63, endedAt: 78), rollback],
            Current: first,
            Now: At(120));

        Assert.Equal("rolled back to #1", scenario.OutcomeOf(2));
        Assert.Equal("current", scenario.OutcomeOf(1));
    }

    [Theory]
    [InlineData(JobState.Finished, "finished")]
    [InlineData(JobState.Failed, "failed")]
    public void A_finite_job_that_ended_on_its_own_says_how(JobState final, string expected)
    {
        var scenario = SavepointUpgrade();
        var first = scenario.InstanceNumber(1) with { JobState = final, Stop = InstanceStop.None, StopSavepointPath = null };

        Assert.Equal(expected, InstanceOutcome.For(first, scenario.History, scenario.Now).Text);
    }

    [Fact]
    public void The_latest_instance_the_operator_took_on_is_deploying_until_its_cluster_comes()
    {
        var scenario = SavepointUpgrade();
        scenario = scenario with { Clusters = [scenario.Clusters[0]], Current = null };

        Assert.Equal("deploying", scenario.OutcomeOf(2));
    }

    [Fact]
    public void An_instance_whose_cluster_went_without_a_stop_is_superseded_by_the_next()
    {
        var first = Instance(1, 0, endedAt: 65, state: JobState.Running, supersededAt: 60);
        var second = Instance(2, 60, state: JobState.Running);
        var scenario = new Scenario([first, second], [Cluster("c1-uid", first, 1, endedAt: 65), Cluster("c2-uid", second, 66)], second, At(120));

        Assert.Equal("superseded by #2", scenario.OutcomeOf(1));
    }

    [Fact]
    public void The_latest_instance_whose_cluster_went_has_no_live_cluster()
    {
        var first = Instance(1, 0, state: JobState.Running);
        var scenario = new Scenario([first], [Cluster("c1-uid", first, 1, endedAt: 30)], Current: null, Now: At(60));

        Assert.Equal("no live cluster", scenario.OutcomeOf(1));
    }

    [Fact]
    public void The_list_says_of_the_latest_instance_only_pending_or_current()
    {
        var scenario = BlockedUpgrade();
        var application = new Cmf.Core.Storage.Views.ApplicationSummary
        {
            Key = new ApplicationKey("prod", "orders"),
            Namespace = "flink-prod",
            CurrentInstance = new Cmf.Core.Storage.Views.InstanceReference(scenario.InstanceNumber(1).Uid, 1),
            LatestInstance = new Cmf.Core.Storage.Views.InstanceReference(scenario.InstanceNumber(2).Uid, 2),
            PendingUpgrade = true,
            ErrorEpisode = scenario.ErrorEpisode,
        };

        Assert.Equal("pending, upgrade blocked: Savepoint Error (seen 3 times since 11:01:00 UTC)", InstanceOutcome.OfLatest(application, scenario.Now)?.Text);
        Assert.Null(InstanceOutcome.OfLatest(application with { PendingUpgrade = false }, scenario.Now));
        Assert.Equal("current", InstanceOutcome.OfLatest(application with { PendingUpgrade = false, CurrentInstance = application.LatestInstance }, scenario.Now)?.Text);
    }
}
