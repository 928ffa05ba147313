using Cmf.Core.Model;
using Cmf.Core.Tracking;

namespace Cmf.UnitTests.Tracking;

/// <summary>
/// The operator's Kubernetes Events and FlinkStateSnapshots: which instance they are filed under, repeats merged into
/// one event, re-sends ignored, SpecChanged's diff type recorded on the instance the change created.
/// </summary>
public sealed class OperatorHistoryTests
{
    private const string SavepointFailed = "Savepoint failed: java.util.concurrent.TimeoutException";

    /// <summary>A savepoint upgrade whose savepoint fails: the events and the snapshot go where an operator would look.</summary>
    internal static ScenarioStep[] UpgradeBlockedByAFailingSavepoint =>
    [
        .. DesignScenarioTests.DeployedAndRunning,
        new("operator's Submit event of the first deployment", s => s.OperatorEvent("submit", "Submit", "Starting deployment"),
            Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING", Events: "OperatorEvent(#1)"),
        new("spec changed (generation 2)", s => s.Spec("v2"),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "InstanceCreated(#2)", Pending: "#2"),
        new("SpecChanged UPGRADE: filed under the instance the change created", s => s.OperatorEvent("spec", "SpecChanged", OperatorHistorySteps.SpecChanged("UPGRADE")),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "OperatorEvent(#2)", Pending: "#2"),
        new("upgrade savepoint snapshot created: it snapshots the running job, #1's", s => s.Snapshot("upgrade-1", "IN_PROGRESS"),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "", Pending: "#2"),
        new("the snapshot fails", s => s.Snapshot("upgrade-1", "FAILED", error: SavepointFailed, failures: 1, resourceVersion: 2),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "", Pending: "#2"),
        new("SavepointError about the snapshot: filed through the snapshot", s => s.OperatorEvent(
                "savepoint-error", "SavepointError", SavepointFailed, type: "Warning", involvedKind: "FlinkStateSnapshot", involvedName: "upgrade-1"),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "OperatorEvent(#1)", Pending: "#2"),
        new("the same SavepointError twice more: one event, counted", s => s.OperatorEvent(
                "savepoint-error", "SavepointError", SavepointFailed, count: 3, type: "Warning", firstSeen: s.State.FindSnapshot("upgrade-1")!.Resource.CreatedAt.AddSeconds(20),
                involvedKind: "FlinkStateSnapshot", involvedName: "upgrade-1"),
            Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "OperatorEvent(#1,x3)", Pending: "#2"),
    ];

    [Fact]
    public void Upgrade_blocked_by_a_failing_savepoint_files_events_and_snapshot_where_they_belong()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, UpgradeBlockedByAFailingSavepoint);

        var snapshot = Assert.Single(scenario.State.Snapshots);
        Assert.Equal(scenario.InstanceUidOf(1), snapshot.InstanceUid);
        Assert.Equal("FAILED", snapshot.Resource.State);
        Assert.Equal(SavepointFailed, snapshot.Resource.Error);
        Assert.Equal(1, snapshot.Resource.Failures);
    }

    [Fact]
    public void SpecChanged_records_the_diff_type_on_the_instance_the_change_created()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, UpgradeBlockedByAFailingSavepoint);

        Assert.Null(scenario.State.Instances[0].DiffType);
        Assert.Equal(SpecDiffType.Upgrade, scenario.State.Instances[1].DiffType);
    }

    [Fact]
    public void An_upgrade_savepoint_snapshot_belongs_to_the_instance_it_stopped_even_once_the_operator_took_the_new_generation_on()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));

        scenario.Snapshot("upgrade-1", "COMPLETED", path: "s3://savepoints/savepoint-1");

        Assert.Equal(scenario.InstanceUidOf(1), Assert.Single(scenario.State.Snapshots).InstanceUid);
    }

    [Fact]
    public void A_snapshot_of_the_new_cluster_belongs_to_the_new_instance()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("v2");
        scenario.Status(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        scenario.DeploymentDeleted("C1");
        scenario.DeploymentAdded("C2", generation: 2);
        scenario.Status(StatusChanges.Running(observedGeneration: 2));

        scenario.Snapshot("periodic-1", "COMPLETED", triggerType: "PERIODIC");

        Assert.Equal(scenario.InstanceUidOf(2), Assert.Single(scenario.State.Snapshots).InstanceUid);
    }

    [Fact]
    public void A_repeat_keeps_one_key_with_first_and_last_seen_as_kubectl_shows_them()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var first = scenario.Now;
        var once = Assert.Single(scenario.OperatorEvent("status", "JobStatusChanged", "Job status changed from CREATED to RUNNING").Events);

        var again = Assert.Single(scenario.OperatorEvent(
            "status", "JobStatusChanged", "Job status changed from CREATED to RUNNING", count: 2, firstSeen: first, lastSeen: scenario.Now).Events);

        Assert.Equal(once.Key, again.Key);
        Assert.Equal(2, again.Count);
        Assert.Equal(first, again.Timestamp);
        Assert.True(again.LastSeenAt > first);
        Assert.Equal(("JobStatusChanged", "Normal", "Operator"), (again.Reason, again.EventType, again.Source));
    }

    [Fact]
    public void An_event_sent_again_unchanged_records_nothing()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var first = scenario.Now;
        scenario.OperatorEvent("submit", "Submit", "Starting deployment");

        var relisted = scenario.OperatorEvent("submit", "Submit", "Starting deployment", firstSeen: first);

        Assert.False(relisted.HasChanges);
    }

    [Fact]
    public void A_snapshot_sent_again_unchanged_changes_nothing()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Snapshot("periodic-1", "COMPLETED", triggerType: "PERIODIC", path: "s3://sp/1");

        var relisted = scenario.Snapshot("periodic-1", "COMPLETED", triggerType: "PERIODIC", path: "s3://sp/1");

        Assert.False(relisted.HasChanges);
    }

    [Fact]
    public void A_listed_event_that_happened_before_a_spec_change_stays_with_the_instance_of_that_time()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var before = scenario.Now;
        scenario.Spec("v2");

        var listed = Assert.Single(scenario.OperatorEvent(
            "status", "JobStatusChanged", "Job status changed from CREATED to RUNNING", firstSeen: before, replayed: true).Events);

        Assert.Equal(scenario.InstanceUidOf(1), listed.InstanceUid);
    }

    [Fact]
    public void An_event_seen_as_it_happens_is_placed_by_our_clock_not_the_clusters()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        scenario.Spec("v2");
        var skewedClusterClock = scenario.Now.AddHours(-3);

        var live = Assert.Single(scenario.OperatorEvent("spec", "SpecChanged", OperatorHistorySteps.SpecChanged("SCALE"), firstSeen: skewedClusterClock).Events);

        Assert.Equal(scenario.InstanceUidOf(2), live.InstanceUid);
        Assert.Equal(SpecDiffType.Scale, scenario.State.Instances[1].DiffType);
    }

    [Fact]
    public void A_repeat_stays_with_the_instance_its_first_occurrence_was_filed_under()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var first = scenario.Now;
        scenario.OperatorEvent("status", "JobStatusChanged", "Job status changed from CREATED to RUNNING");
        scenario.Spec("v2");

        var repeat = Assert.Single(scenario.OperatorEvent(
            "status", "JobStatusChanged", "Job status changed from CREATED to RUNNING", count: 2, firstSeen: first, lastSeen: scenario.Now).Events);

        Assert.Equal(scenario.InstanceUidOf(1), repeat.InstanceUid);
    }

    [Fact]
    public void A_listed_snapshot_is_placed_by_its_creation_time()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var whileTheFirstRan = scenario.Now;
        scenario.Spec("v2");
        scenario.Status(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));
        scenario.DeploymentDeleted("C1");
        scenario.DeploymentAdded("C2", generation: 2);

        scenario.Snapshot("periodic-1", "COMPLETED", triggerType: "PERIODIC", createdAt: whileTheFirstRan, replayed: true);

        Assert.Equal(scenario.InstanceUidOf(1), Assert.Single(scenario.State.Snapshots).InstanceUid);
    }

    [Fact]
    public void An_event_older_than_every_instance_belongs_to_the_first()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");

        var older = Assert.Single(scenario.OperatorEvent(
            "submit", "Submit", "Starting deployment", firstSeen: TrackerScenario.Start.AddMinutes(-30), replayed: true).Events);

        Assert.Equal(scenario.InstanceUidOf(1), older.InstanceUid);
    }

    [Fact]
    public void Operator_events_do_not_count_as_a_change_of_the_application()
    {
        var scenario = new TrackerScenario();
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);
        var lastChange = scenario.State.Status.LastChangeAt;

        scenario.OperatorEvent("status", "JobStatusChanged", "Job status changed from CREATED to RUNNING");

        Assert.Equal(lastChange, scenario.State.Status.LastChangeAt);
    }

    [Fact]
    public void Snapshots_beyond_the_limit_drop_the_oldest()
    {
        var scenario = new TrackerScenario(TrackerSettings.Default with { MaxSnapshotsPerApplication = 2 });
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);

        scenario.Snapshot("periodic-1", "COMPLETED", triggerType: "PERIODIC");
        scenario.Snapshot("periodic-2", "COMPLETED", triggerType: "PERIODIC");
        var third = scenario.Snapshot("periodic-3", "COMPLETED", triggerType: "PERIODIC");

        Assert.Equal(["periodic-2", "periodic-3"], scenario.State.Snapshots.Select(s => s.Name));
        Assert.Equal("periodic-1", Assert.Single(third.RemovedSnapshots()).Name);
    }

    [Fact]
    public void Remembered_events_stay_within_the_limit()
    {
        var scenario = new TrackerScenario(TrackerSettings.Default with { MaxRememberedOperatorEvents = 3 });
        ScenarioStep.Walk(scenario, DesignScenarioTests.DeployedAndRunning);

        for (var i = 0; i < 5; i++)
        {
            scenario.OperatorEvent($"e{i}", "JobStatusChanged", $"change {i}");
        }

        Assert.Equal(3, scenario.State.OperatorEvents.Count);
        Assert.Contains("k8s-event:event-e4", scenario.State.OperatorEvents.Keys);
    }

    [Theory]
    [InlineData("IGNORE change(s) detected (Diff: FlinkDeploymentSpec[job.savepointTriggerNonce : 1 -> 2]), starting reconciliation.", SpecDiffType.Ignore)]
    [InlineData("SCALE change(s) detected (Diff: FlinkDeploymentSpec[job.parallelism : 2 -> 4]), starting reconciliation.", SpecDiffType.Scale)]
    [InlineData("UPGRADE change(s) detected (Diff: FlinkDeploymentSpec[job.state : running -> suspended, job.upgradeMode : stateless -> savepoint]), starting reconciliation.", SpecDiffType.Upgrade)]
    [InlineData("SAVEPOINT_REDEPLOY change(s) detected (Diff: FlinkDeploymentSpec[job.savepointRedeployNonce : null -> 1]), starting reconciliation.", SpecDiffType.SavepointRedeploy)]
    public void SpecChanged_message_names_the_diff_type(string message, SpecDiffType expected) =>
        Assert.Equal(expected, SpecChangedMessage.DiffType(message));

    [Theory]
    [InlineData("")]
    [InlineData("Detected spec change, starting reconciliation.")]
    [InlineData("upgrade change(s) detected")]
    public void SpecChanged_message_without_a_known_diff_type_names_none(string message) =>
        Assert.Null(SpecChangedMessage.DiffType(message));
}
