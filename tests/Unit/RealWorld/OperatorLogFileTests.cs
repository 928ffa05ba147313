using Cmf.Core.Model;

namespace Cmf.UnitTests.RealWorld;

/// <summary>FKO 1.8's log while a FlinkDeployment started and was deleted: AuditUtils' event and status lines and the cleanup.</summary>
public sealed class OperatorLogFileTests
{
    public const string File = "operatorlog-auditutils-events-deploy-and-delete-fko-1.8.txt";

    private static IReadOnlyList<OperatorLogLine> Lines => OperatorLog.Read(RealWorldFile.Open(File).Body);

    [Fact]
    public void Audit_utils_logged_each_event_twice_and_the_stable_status_once()
    {
        var audits = Lines.Select(OperatorLog.Audit).OfType<AuditLine>().ToList();

        Assert.Equal(
        [
            new AuditLine("Event", "Info", "JOBSTATUSCHANGED", "Job status changed from CREATED to RUNNING"),
            new AuditLine("Event", "Info", "JOBSTATUSCHANGED", "Job status changed from CREATED to RUNNING"),
            new AuditLine("Status", "Info", "STABLE", "The resource deployment is considered to be stable and won\u2019t be rolled back"),
            new AuditLine("Event", "Info", "CLEANUP", "Cleaning up FlinkDeployment"),
            new AuditLine("Event", "Info", "CLEANUP", "Cleaning up FlinkDeployment"),
        ], audits);
    }

    [Fact]
    public void The_status_line_names_a_lifecycle_state_the_dashboard_knows()
    {
        var status = Lines.Select(OperatorLog.Audit).OfType<AuditLine>().Single(a => a.Kind == "Status");

        Assert.Equal(LifecycleState.Stable, FlinkStateNames.ParseLifecycleState(status.Reason));
    }

    [Fact]
    public void The_logged_events_are_the_events_real_clusters_show_with_the_reason_in_capitals()
    {
        var events = Lines.Select(OperatorLog.Audit).OfType<AuditLine>().Where(a => a.Kind == "Event").ToList();

        Assert.All(events, logged => Assert.Contains(RealWorldEvents.All, e =>
            e.Reason.Equals(logged.Reason, StringComparison.OrdinalIgnoreCase) && e.Type == logged.EventType && e.Message == logged.Message));
    }

    [Fact]
    public void The_listener_lines_wrapped_by_the_terminal_read_whole()
    {
        var listener = Lines.Where(l => l.Logger == "com.javamain.flink.MyFlinkResourceListener").Select(l => l.Message).ToList();

        Assert.Equal(
        [
            "TAG: FlinkDeployment previousStatus, NAMESPACE: flink, NAME: basic-application-deployment-only-ingress-tz, JOB STATUS: CREATED, LIFECYCLE STATE: DEPLOYED",
            "TAG: FlinkDeployment newStatus, NAMESPACE: flink, NAME: basic-application-deployment-only-ingress-tz, JOB STATUS: RUNNING, LIFECYCLE STATE: STABLE",
        ], listener);
    }

    [Fact]
    public void Deletion_cancels_the_job_then_scales_the_jobmanager_to_zero_then_deletes_it()
    {
        var lines = Lines;
        var cleanup = lines.First(l => OperatorLog.Audit(l)?.Reason == "CLEANUP");

        var service = lines.Where(l => l.Logger.EndsWith(".AbstractFlinkService", StringComparison.Ordinal)).ToList();

        Assert.Equal(
        [
            "Job is running, cancelling job.",
            "Job successfully cancelled.",
            "Deleting cluster with Foreground propagation",
            "Scaling JobManager Deployment to zero with 300 seconds timeout...",
            "Completed Scaling JobManager Deployment to zero",
            "Deleting JobManager Deployment with 297 seconds timeout...",
            "Completed Deleting JobManager Deployment",
        ], service.Select(l => l.Message));
        Assert.All(service, l => Assert.True(l.Time >= cleanup.Time));
        Assert.Equal(service.Select(l => l.Time).Order(), service.Select(l => l.Time));
    }
}
