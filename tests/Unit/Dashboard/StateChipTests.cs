using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Controls;

namespace Cmf.UnitTests.Dashboard;

public sealed class StateChipTests : DashboardTestContext
{
    [Theory]
    [InlineData(JobState.Running, "success")]
    [InlineData(JobState.Failed, "error")]
    [InlineData(JobState.Failing, "error")]
    [InlineData(JobState.Finished, "finished")]
    [InlineData(JobState.Canceled, "finished")]
    [InlineData(JobState.Suspended, "warning")]
    [InlineData(JobState.Reconciling, "info")]
    [InlineData(JobState.Restarting, "info")]
    [InlineData(JobState.Unknown, "neutral")]
    public void A_job_state_chip_takes_the_colour_of_its_state(JobState state, string tone)
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, state));

        Assert.Contains($"state-chip--{tone}", cut.Find(".state-chip").ClassList);
    }

    [Theory]
    [MemberData(nameof(AllJobStates))]
    public void A_job_state_chip_always_says_its_state_in_words(JobState state)
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, state));

        Assert.Equal(FlinkStateNames.ToWire(state), cut.Find(".state-chip").TextContent.Trim());
    }

    public static TheoryData<JobState> AllJobStates => new(Enum.GetValues<JobState>());

    [Fact]
    public void Finished_for_a_savepoint_upgrade_says_it_was_stopped_with_a_savepoint()
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, JobState.Finished)
            .Add(c => c.Stop, InstanceStop.Upgrade).Add(c => c.StopSavepointPath, "s3://sp/savepoint-1"));

        Assert.Equal("FINISHED (stopped with a savepoint for an upgrade)", cut.Find(".state-chip").TextContent.Trim());
    }

    [Theory]
    [InlineData(InstanceStop.Upgrade, "FINISHED (stopped for an upgrade)")]
    [InlineData(InstanceStop.Suspend, "FINISHED (suspended)")]
    public void A_stop_without_a_savepoint_is_never_called_a_savepoint_stop(InstanceStop stop, string expected)
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, JobState.Finished).Add(c => c.Stop, stop));

        Assert.Equal(expected, cut.Find(".state-chip").TextContent.Trim());
    }

    [Fact]
    public void A_savepoint_suspend_says_so()
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, JobState.Finished)
            .Add(c => c.Stop, InstanceStop.Suspend).Add(c => c.StopSavepointPath, "s3://sp/savepoint-2"));

        Assert.Equal("FINISHED (suspended with a savepoint)", cut.Find(".state-chip").TextContent.Trim());
    }

    [Fact]
    public void A_missing_job_state_is_neutral_and_says_so()
    {
        var cut = Render<JobStateChip>(p => p.Add(c => c.State, null));

        Assert.Contains("state-chip--neutral", cut.Find(".state-chip").ClassList);
        Assert.Equal("NO JOB STATE", cut.Find(".state-chip").TextContent.Trim());
    }

    [Theory]
    [InlineData(LifecycleState.Stable, "success", "STABLE")]
    [InlineData(LifecycleState.Failed, "error", "FAILED")]
    [InlineData(LifecycleState.Suspended, "warning", "SUSPENDED")]
    [InlineData(LifecycleState.Upgrading, "info", "UPGRADING")]
    [InlineData(LifecycleState.RollingBack, "info", "ROLLING_BACK")]
    [InlineData(LifecycleState.Deleted, "finished", "DELETED")]
    [InlineData(LifecycleState.Unknown, "neutral", "UNKNOWN")]
    public void A_lifecycle_chip_shows_the_operators_spelling_in_its_colour(LifecycleState state, string tone, string text)
    {
        var cut = Render<LifecycleChip>(p => p.Add(c => c.State, state));

        Assert.Contains($"state-chip--{tone}", cut.Find(".state-chip").ClassList);
        Assert.Equal(text, cut.Find(".state-chip").TextContent.Trim());
    }
}
