using Cmf.Core.Tracking;

namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// FKO 1.15.0's FlinkBlueGreenDeployment (a kind the dashboard does not track yet) captured twice during one drill:
/// while the blue child takes its savepoint, and while traffic moves to green.
/// </summary>
public sealed class BlueGreenDeploymentTests
{
    public const string SavepointingBlue = "flinkbluegreendeployment-savepointing-blue.yaml";
    public const string TransitioningToGreen = "flinkbluegreendeployment-transitioning-to-green.yaml";

    private const string TriggerId = "f98c4b73a3e509b565f01db5da3ad313";

    [Theory]
    [InlineData(SavepointingBlue, "SAVEPOINTING_BLUE", "RUNNING", "2731")]
    [InlineData(TransitioningToGreen, "TRANSITIONING_TO_GREEN", "RECONCILING", "2824")]
    public void The_drill_shows_the_blue_green_state_and_the_job_state(string file, string blueGreenState, string jobState, string resourceVersion)
    {
        var deployment = RealWorldFile.Open(file).YamlObject();

        Assert.Equal(("FlinkBlueGreenDeployment", "p03-vehicle-alert-bg"), (Nodes.Text(deployment, "kind"), Nodes.Text(deployment, "metadata", "name")));
        Assert.Equal(
            (blueGreenState, jobState, TriggerId, resourceVersion),
            (Nodes.Text(deployment, "status", "blueGreenState"), Nodes.Text(deployment, "status", "jobStatus", "state"),
                Nodes.Text(deployment, "status", "savepointTriggerId"), Nodes.Text(deployment, "metadata", "resourceVersion")));
        Assert.Null(Nodes.At(deployment, "status", "reconciliationStatus"));
    }

    [Fact]
    public void Before_the_transition_the_timestamps_are_the_epoch_and_during_it_they_are_set()
    {
        var savepointing = RealWorldFile.Open(SavepointingBlue).YamlObject();
        var transitioning = RealWorldFile.Open(TransitioningToGreen).YamlObject();

        Assert.Equal(
            ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
            (Nodes.Text(savepointing, "status", "abortTimestamp"), Nodes.Text(savepointing, "status", "deploymentReadyTimestamp")));
        Assert.Equal(
            ("2026-07-18T06:09:41.935Z", "2026-07-18T06:02:16.253335025Z"),
            (Nodes.Text(transitioning, "status", "abortTimestamp"), Nodes.Text(transitioning, "status", "deploymentReadyTimestamp")));
    }

    [Fact]
    public void The_folded_line_break_in_the_last_reconciled_spec_reads_back_as_the_configured_value()
    {
        var deployment = RealWorldFile.Open(SavepointingBlue).YamlObject();

        var lastReconciled = Nodes.ParsedText(deployment, "status", "lastReconciledSpec");

        const string GracePeriod = "kubernetes.operator.bluegreen.abort.grace-period";
        Assert.Equal("8 min", Nodes.Text(lastReconciled, "spec", "configuration", GracePeriod));
        Assert.Equal("8 min", Nodes.Text(deployment, "spec", "configuration", GracePeriod));
    }

    [Fact]
    public void While_saving_blue_the_reconciled_image_is_still_blue_and_after_it_green()
    {
        var savepointing = RealWorldFile.Open(SavepointingBlue).YamlObject();
        var transitioning = RealWorldFile.Open(TransitioningToGreen).YamlObject();

        Assert.Equal("flinklab/p03-vehicle-alert:dev-green", Nodes.Text(savepointing, "spec", "template", "spec", "image"));
        Assert.Equal("flinklab/p03-vehicle-alert:dev", Nodes.Text(Nodes.ParsedText(savepointing, "status", "lastReconciledSpec"), "spec", "template", "spec", "image"));
        Assert.Equal("flinklab/p03-vehicle-alert:dev-green", Nodes.Text(Nodes.ParsedText(transitioning, "status", "lastReconciledSpec"), "spec", "template", "spec", "image"));
    }

    [Fact]
    public void The_blue_child_names_this_deployment_as_its_owner()
    {
        var deployment = RealWorldFile.Open(SavepointingBlue).YamlObject();
        var child = RealWorldMapping.SingleItemOf(RealWorldFile.Open(BlueGreenChildFlinkDeploymentTests.File).YamlObject());

        Assert.Equal(Nodes.Text(deployment, "metadata", "uid"), Nodes.Text(child, "metadata", "ownerReferences", "0", "uid"));
    }

    [Theory]
    [InlineData(SavepointingBlue)]
    [InlineData(TransitioningToGreen)]
    public void The_mapper_rejects_the_untracked_kind_by_name_without_throwing(string file)
    {
        var deployment = RealWorldFile.Open(file).YamlObject();

        var rejected = RealWorldMapping.RejectedAsFlinkDeployment(deployment);
        var fromWatch = Assert.IsType<ResourceRejected>(RealWorldMapping.MapWatchEvent(deployment));

        Assert.Equal("kind: expected FlinkDeployment, found \"FlinkBlueGreenDeployment\"", rejected.Reason);
        Assert.Equal("kind: expected FlinkDeployment, Deployment or Pod, found \"FlinkBlueGreenDeployment\"", fromWatch.Reason);
        Assert.Equal(("p03-vehicle-alert-bg", "flink"), (fromWatch.Application.Name, fromWatch.Namespace));
    }
}
