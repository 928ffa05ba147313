using System.Text.RegularExpressions;
using Cmf.Core.Model;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// The operator's Kubernetes Events as real clusters printed them: FKO 1.15.0 during a blue/green drill
/// (<c>kubectl get events</c>) and FKO 1.1.0's release announcement (<c>kubectl describe</c>), and the
/// <see cref="RealWorldEvents"/> list read from them.
/// </summary>
public sealed partial class EventsFileTests
{
    [Fact]
    public void The_drill_table_reads_every_row()
    {
        var events = PrintedEvents.ReadGetEventsTable(RealWorldFile.Open(RealWorldEvents.BlueGreenDrillFile).Body);

        Assert.Equal(57, events.Count);
        Assert.Equal(new PrintedEvent("Normal", "Scheduled", "pod/p03-vehicle-alert-bg-blue-taskmanager-1-1",
            "Successfully assigned flink/p03-vehicle-alert-bg-blue-taskmanager-1-1 to orbstack", "10m"), events[0]);
        Assert.Equal(new PrintedEvent("Normal", "JobStatusChanged", "flinkdeployment/p03-vehicle-alert-bg-blue",
            "Job status changed from CREATED to RUNNING", "82s"), events[^1]);
    }

    [Fact]
    public void The_operators_events_in_the_drill_come_in_this_order_with_these_types()
    {
        var drill = RealWorldEvents.All.Where(e => e.Source == RealWorldEvents.BlueGreenDrillFile).ToList();

        Assert.Equal(
        [
            "Normal Submit", "Normal JobStatusChanged",
            "Warning CrashLoopBackOff", "Warning CrashLoopBackOff", "Warning CrashLoopBackOff", "Warning CrashLoopBackOff", "Warning CrashLoopBackOff",
            "Normal SpecChanged", "Warning UpgradeFailed", "Normal Cleanup",
            "Normal Submit", "Normal JobStatusChanged", "Warning JobException", "Warning JobException",
            "Normal SpecChanged", "Normal Suspended", "Normal JobStatusChanged", "Normal Cleanup",
            "Normal Submit", "Normal JobStatusChanged", "Normal JobStatusChanged",
        ], drill.Select(e => e.Type + " " + e.Reason));
    }

    [Fact]
    public void Job_status_changes_name_flink_job_states_the_dashboard_knows()
    {
        var changes = RealWorldEvents.All.Where(e => e.Reason is "JobStatusChanged" or "StatusChanged").Select(e => e.Message).ToList();

        Assert.Equal(
        [
            "Job status changed from RECONCILING to INITIALIZING",
            "Job status changed from RECONCILING to RESTARTING",
            "Job status changed from CANCELLING to CANCELED",
            "Job status changed from RECONCILING to CREATED",
            "Job status changed from CREATED to RUNNING",
            "Job status changed from RECONCILING to CREATED",
            "Job status changed from CREATED to RUNNING",
        ], changes);
        Assert.All(changes, message =>
        {
            var match = JobStatusChange().Match(message);
            Assert.True(match.Success, message);
            Assert.All(new[] { match.Groups["from"].Value, match.Groups["to"].Value }, state =>
                Assert.NotEqual(JobState.Unknown, FlinkStateNames.ParseJobState(state)));
        });
    }

    [Fact]
    public void The_drill_shows_the_operators_messages_for_a_suspend_after_a_failed_stateful_upgrade()
    {
        var messages = RealWorldEvents.All.Where(e => e.Source == RealWorldEvents.BlueGreenDrillFile)
            .GroupBy(e => e.Reason)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToList());

        Assert.Equal(["Starting deployment"], messages["Submit"]);
        Assert.Equal(
            ["UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.state : running -> suspended, job.upgradeMode : stateless -> savepoint]), starting reconciliation."],
            messages["SpecChanged"]);
        Assert.Equal(
            ["JobManager deployment is missing and HA metadata is not available to make stateful upgrades. It is possible that the job has finished or terminally failed, or the configmaps have been deleted.Manual restore required."],
            messages["UpgradeFailed"]);
        Assert.Equal(["Cleaning up FlinkDeployment"], messages["Cleanup"]);
        Assert.Equal(["Suspending existing deployment."], messages["Suspended"]);
        Assert.All(messages["JobException"], m => Assert.EndsWith("....", m, StringComparison.Ordinal));
        Assert.All(messages["CrashLoopBackOff"], m => Assert.StartsWith("[flink-main-container] back-off ", m, StringComparison.Ordinal));
    }

    [Fact]
    public void The_1_1_release_describes_a_start_with_its_older_reason_and_component_names()
    {
        var events = PrintedEvents.ReadDescribeEvents(RealWorldFile.Open(RealWorldEvents.Release110DescribeFile).Body);

        Assert.Equal(
        [
            new PrintedEvent("Normal", "Submit", "JobManagerDeployment", "Starting deployment", "53m"),
            new PrintedEvent("Normal", "StatusChanged", "Job", "Job status changed from RECONCILING to CREATED", "52m"),
            new PrintedEvent("Normal", "StatusChanged", "Job", "Job status changed from CREATED to RUNNING", "52m"),
        ], events);
    }

    [Fact]
    public void The_shared_list_holds_the_operators_events_of_both_files_and_nothing_kubernetes_wrote()
    {
        Assert.Equal(24, RealWorldEvents.All.Count);
        Assert.Equal(
            ["Cleanup", "CrashLoopBackOff", "JobException", "JobStatusChanged", "SpecChanged", "StatusChanged", "Submit", "Suspended", "UpgradeFailed"],
            RealWorldEvents.Reasons.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["CrashLoopBackOff", "JobException", "UpgradeFailed"],
            RealWorldEvents.All.Where(e => e.Type == "Warning").Select(e => e.Reason).Distinct().Order(StringComparer.Ordinal));
        Assert.All(RealWorldEvents.All, e => Assert.Contains(e.Type, new[] { "Normal", "Warning" }));
    }

    [GeneratedRegex("^Job status changed from (?<from>[A-Z]+) to (?<to>[A-Z]+)$")]
    private static partial Regex JobStatusChange();
}
