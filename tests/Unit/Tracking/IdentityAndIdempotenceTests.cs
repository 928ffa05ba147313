using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using static Cmf.UnitTests.Tracking.StatusChanges;

namespace Cmf.UnitTests.Tracking;

/// <summary>Rules 1, 2 and 6: who an instance is, who owns a cluster, and that seeing things twice changes nothing.</summary>
public sealed class IdentityAndIdempotenceTests
{
    [Fact]
    public void Duplicate_and_stale_events_walked_step_by_step_change_nothing()
    {
        FlinkDeploymentSnapshot? generationOne = null;
        JobManagerDeploymentSnapshot? clusterOne = null;
        ScenarioStep.Walk(new TrackerScenario(),
        [
            new("created", s => { s.Spec("v1"); generationOne = s.Resource; },
                Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)"),
            new("the same FlinkDeployment event again", s => s.Apply(new FlinkDeploymentObserved(s.Key, "prod-ns", generationOne!)),
                Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: ""),
            new("D1 appears", s => { clusterOne = s.Deployment("C1", generation: 1); s.Apply(new JobManagerDeploymentObserved(s.Key, "prod-ns", clusterOne)); },
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
            new("D1 ADDED again (a second replica, a relist)", s => s.Apply(new JobManagerDeploymentObserved(s.Key, "prod-ns", clusterOne!)),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: ""),
            new("spec changed (generation 2)", s => s.Spec("v2"),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=- #2=-", Events: "InstanceCreated(#2)"),
            new("job running", s => s.Status(Running(observedGeneration: 1)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: "LifecycleChanged(STABLE) JobStateChanged(#1,RUNNING)"),
            new("a stale event of generation 1 arrives late", s => s.Apply(new FlinkDeploymentObserved(s.Key, "prod-ns", generationOne!)),
                Instances: "#1 #2", Clusters: "C1:#1", Current: "#1", JobStates: "#1=RUNNING #2=-", Events: ""),
        ]);
    }

    [Fact]
    public void Duplicate_flink_deployment_event_changes_nothing()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var again = new FlinkDeploymentObserved(scenario.Key, "prod-ns", scenario.Resource);

        var result = scenario.Apply(again);

        Assert.False(result.HasChanges);
        Assert.Same(result.Previous, result.State);
        Assert.Equal("#1", scenario.Instances);
    }

    [Fact]
    public void Stale_event_with_an_older_resource_version_is_ignored()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var old = scenario.Resource;
        scenario.Spec("v2");
        scenario.Status(Running(observedGeneration: 2));

        var result = scenario.Apply(new FlinkDeploymentObserved(scenario.Key, "prod-ns", old));

        Assert.False(result.HasChanges);
        Assert.Equal("#1 ended #2", scenario.Instances);
        Assert.Equal(JobState.Running, scenario.State.Status.Reported.JobState);
    }

    [Fact]
    public void Duplicate_deployment_added_event_creates_no_second_cluster()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var deployment = scenario.Deployment("C1", generation: 1);
        scenario.Apply(new JobManagerDeploymentObserved(scenario.Key, "prod-ns", deployment));

        var result = scenario.Apply(new JobManagerDeploymentObserved(scenario.Key, "prod-ns", deployment));

        Assert.False(result.HasChanges);
        Assert.Equal("C1:#1", scenario.Clusters);
    }

    [Fact]
    public void Deployment_deleted_twice_ends_the_cluster_once()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.DeploymentDeleted("C1");

        var result = scenario.DeploymentDeleted("C1");

        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Relist_after_restart_with_the_same_objects_changes_nothing()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Status(Running(observedGeneration: 1));
        var listedResource = scenario.Resource;
        var listedDeployment = scenario.Deployment("C1", generation: 1) with { ResourceVersion = scenario.State.Clusters[0].ResourceVersion };

        var fd = scenario.Apply(new FlinkDeploymentRelisted(scenario.Key, "prod-ns", listedResource));
        var clusters = scenario.Apply(new ClustersRelisted(scenario.Key, "prod-ns", [listedDeployment]));

        Assert.False(fd.HasChanges);
        Assert.False(clusters.HasChanges);
        Assert.Equal("#1", scenario.Instances);
        Assert.Equal("C1:#1", scenario.Clusters);
    }

    [Fact]
    public void Cluster_missing_from_a_relist_ends_with_an_approximate_time()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.DeploymentAdded("C1", generation: 1);
        scenario.Spec("v2");

        scenario.Apply(new ClustersRelisted(scenario.Key, "prod-ns", [scenario.Deployment("C2", generation: 2)]));

        Assert.Equal("C1:#1 ended C2:#2", scenario.Clusters);
        Assert.True(scenario.State.Clusters[0].EndIsApproximate);
        Assert.False(scenario.State.Clusters[1].EndIsApproximate);
        Assert.Equal("#2", scenario.Current);
    }

    [Fact]
    public void Cluster_first_seen_in_a_relist_starts_at_its_creation_time_not_before_its_owner()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        var owner = scenario.State.Instances[0];
        var created = owner.CreatedAt.AddSeconds(3);
        var deployment = scenario.Deployment("C1", generation: 1) with { CreationTimestamp = created };

        scenario.Apply(new ClustersRelisted(scenario.Key, "prod-ns", [deployment]));

        Assert.Equal(created, scenario.State.Clusters[0].StartedAt);
    }

    [Fact]
    public void Flink_deployment_missing_from_a_relist_counts_as_deleted()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");

        var result = scenario.Apply(new FlinkDeploymentRelisted(scenario.Key, "prod-ns", Resource: null));

        Assert.True(scenario.State.ObjectDeleted);
        Assert.Contains(result.Events, e => e.Kind == AppEventKind.ObjectDeleted);
    }

    [Fact]
    public void Delete_and_recreate_under_the_same_name_starts_a_new_instance_and_keeps_the_history()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            new("created", s => s.Spec("v1"),
                Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)"),
            new("D1 appears", s => s.DeploymentAdded("C1", generation: 1),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
            new("FlinkDeployment deleted", s => s.Delete(),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ObjectDeleted"),
            new("its cluster is garbage-collected", s => s.DeploymentDeleted("C1"),
                Instances: "#1 ended", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=-", Events: "ClusterEnded(#1,C1)"),
            new("re-created with the same spec", s => s.Recreate("0b1ec7a1-0000-4000-8000-000000000002", "v1"),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended", Current: "-", JobStates: "#1=- #2=-", Events: "ObjectRecreated InstanceCreated(#2)"),
            new("new D1 for generation 1 of the new object", s => s.DeploymentAdded("C2", generation: 1),
                Instances: "#1 ended #2", Clusters: "C1:#1 ended C2:#2", Current: "#2", JobStates: "#1=- #2=-", Events: "ClusterStarted(#2,C2) CurrentInstanceChanged(#2)"),
        ]);
    }

    [Fact]
    public void First_sight_at_generation_7_creates_instance_1_and_an_older_generation_annotation_falls_back_to_it()
    {
        ScenarioStep.Walk(new TrackerScenario(),
        [
            new("first seen at generation 7", s => s.Spec("v7", generation: 7),
                Instances: "#1", Clusters: "", Current: "-", JobStates: "#1=-", Events: "InstanceCreated(#1)"),
            new("its cluster says generation 5", s => s.DeploymentAdded("C1", generation: 5),
                Instances: "#1", Clusters: "C1:#1", Current: "#1", JobStates: "#1=-", Events: "ClusterStarted(#1,C1) CurrentInstanceChanged(#1)"),
        ]);
    }

    [Fact]
    public void Instance_uid_is_a_name_based_uuid_of_object_uid_and_generation()
    {
        var scenario = new TrackerScenario();

        scenario.Spec("v1", generation: 4);

        Assert.Equal(InstanceUid.FromObject(scenario.ObjectUid, 4), scenario.State.Instances[0].Uid);
    }

    [Fact]
    public void Cmf_annotation_names_the_instance_and_the_cluster_owner()
    {
        const string First = "5f0c6d2e-1111-4aaa-8bbb-000000000001";
        const string Second = "5f0c6d2e-1111-4aaa-8bbb-000000000002";
        var scenario = new TrackerScenario();
        scenario.Spec("v1", instanceAnnotation: First);
        scenario.Spec("v2", instanceAnnotation: Second);

        scenario.DeploymentAdded("C1", generation: 1, instanceAnnotation: First);

        Assert.Equal([First, Second], scenario.State.Instances.Select(i => i.Uid));
        Assert.Equal("C1:#1", scenario.Clusters);
        Assert.Equal(ClusterOwnerSource.InstanceAnnotation, scenario.State.Clusters[0].OwnerSource);
    }

    [Fact]
    public void Unchanged_cmf_annotation_on_a_changed_spec_falls_back_to_the_generation_uid()
    {
        const string Annotation = "5f0c6d2e-1111-4aaa-8bbb-000000000001";
        var scenario = new TrackerScenario();
        scenario.Spec("v1", instanceAnnotation: Annotation);

        scenario.Spec("v2", instanceAnnotation: Annotation);

        Assert.Equal([Annotation, InstanceUid.FromObject(scenario.ObjectUid, 2)], scenario.State.Instances.Select(i => i.Uid));
    }

    [Fact]
    public void Jobmanager_pod_annotation_corrects_an_owner_that_was_only_guessed()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.Spec("v2");
        scenario.DeploymentAdded("C1", generation: null);
        Assert.Equal("C1:#2", scenario.Clusters);

        scenario.Apply(new JobManagerPodObserved(scenario.Key, "prod-ns", "orders-6f7d-abc", scenario.InstanceUidOf(1)));

        Assert.Equal("C1:#1", scenario.Clusters);
        Assert.Equal(ClusterOwnerSource.InstanceAnnotation, scenario.State.Clusters[0].OwnerSource);
    }

    [Fact]
    public void Jobmanager_pod_annotation_does_not_override_the_generation_annotation()
    {
        var scenario = new TrackerScenario();
        scenario.Spec("v1");
        scenario.Spec("v2");
        scenario.DeploymentAdded("C1", generation: 2);

        var result = scenario.Apply(new JobManagerPodObserved(scenario.Key, "prod-ns", "orders-old-pod", scenario.InstanceUidOf(1)));

        Assert.False(result.HasChanges);
        Assert.Equal("C1:#2", scenario.Clusters);
    }

    [Fact]
    public void Rejected_resource_is_reported_once_per_resource_version()
    {
        var scenario = new TrackerScenario();
        var rejected = new ResourceRejected(scenario.Key, "prod-ns", "FlinkDeployment", "17", "spec.job.parallelism: expected a number, found a string");

        var first = scenario.Apply(rejected);
        var second = scenario.Apply(rejected);

        var reported = Assert.Single(first.Events);
        Assert.Equal(AppEventKind.ResourceRejected, reported.Kind);
        Assert.Contains("spec.job.parallelism", reported.Message, StringComparison.Ordinal);
        Assert.False(second.HasChanges);
    }
}
