using Cmf.Core.Configuration;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Core.Tracking;
using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Tracking;

namespace Cmf.UnitTests.Storage;

public abstract class ApplicationQueryTests(StoreProviderKind engine) : StoreTestBase(engine)
{
    [Fact]
    public async Task Application_detail_carries_the_operator_status()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running));

        var detail = await Db.Queries.GetApplicationAsync(app.Key, None);

        Assert.NotNull(detail);
        Assert.Equal(JobState.Running, detail.Summary.JobState);
        Assert.Equal(app.State.ObjectUid, detail.ObjectUid);
        Assert.Equal(1, detail.LastSequence);
    }

    [Fact]
    public async Task A_job_finished_while_the_operator_upgrades_is_listed_as_stopped_for_upgrade()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"));
        await app.SpecAsync("v1");
        await app.ClusterStartedAsync("C1");
        await app.RunningAsync();
        await app.SpecAsync("v2");
        await app.StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 2));

        var row = (await Db.Queries.ListApplicationsAsync(new ApplicationListQuery(), None)).Items.Single();

        Assert.Equal(JobState.Finished, row.JobState);
        Assert.True(row.StoppedForUpgrade);
    }

    [Fact]
    public async Task A_running_job_is_not_stopped_for_upgrade()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"));
        await app.SpecAsync("v1");
        await app.ClusterStartedAsync("C1");
        await app.RunningAsync();

        var row = (await Db.Queries.ListApplicationsAsync(new ApplicationListQuery(), None)).Items.Single();

        Assert.False(row.StoppedForUpgrade);
    }

    [Fact]
    public async Task An_application_never_stored_has_no_detail_instances_events_or_timeline()
    {
        var key = new ApplicationKey("prod", "missing");

        Assert.Null(await Db.Queries.GetApplicationAsync(key, None));
        Assert.Null(await Db.Queries.ListInstancesAsync(key, new InstanceListQuery(), None));
        Assert.Null(await Db.Queries.ListEventsAsync(key, 0, 10, None));
        Assert.Null(await Db.Queries.GetTimelineAsync(key, null, None));
    }

    [Fact]
    public async Task Instances_page_is_newest_first_by_default()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.NewInstance());

        var page = await Db.Queries.ListInstancesAsync(app.Key, new InstanceListQuery { PageSize = 2 }, None);

        Assert.Equal([3, 2], page!.Items.Select(i => i.Sequence));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task Instances_page_sorted_by_creation_ascending_starts_with_the_oldest()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.NewInstance());

        var page = await Db.Queries.ListInstancesAsync(app.Key, new InstanceListQuery { Sort = InstanceSort.CreatedAt, Descending = false }, None);

        Assert.Equal([1, 2, 3], page!.Items.Select(i => i.Sequence));
    }

    [Fact]
    public async Task Events_page_lists_the_newest_first()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running));

        var page = await Db.Queries.ListEventsAsync(app.Key, 0, 2, None);

        Assert.Equal([AppEventKind.JobStateChanged, AppEventKind.ClusterStarted], page!.Items.Select(e => e.Kind));
        Assert.Equal(["JOB_STATUS", "CLUSTER_STATUS"], page.Items.Select(e => e.CmfType));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task Instances_page_sorted_by_uid_follows_the_uid_text()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.NewInstance());

        var page = await Db.Queries.ListInstancesAsync(app.Key, new InstanceListQuery { Sort = InstanceSort.Uid, Descending = true }, None);

        Assert.Equal(page!.Items.Select(i => i.Uid).Order(StringComparer.Ordinal).Reverse(), page.Items.Select(i => i.Uid));
    }

    [Fact]
    public async Task Events_page_oldest_first_starts_with_the_first_event()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.ReportJobState(JobState.Running));

        var page = await Db.Queries.ListEventsAsync(app.Key, 0, 2, oldestFirst: true, None);

        Assert.Equal([AppEventKind.InstanceCreated, AppEventKind.ClusterStarted], page!.Items.Select(e => e.Kind));
    }

    [Fact]
    public async Task Spec_texts_of_several_instances_come_back_by_uid_and_unknown_uids_are_left_out()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());
        var first = app.Instance(1).Uid;
        var second = app.Instance(2).Uid;

        var specs = await Db.Queries.ListInstanceSpecsAsync([first, second, "not-stored"], None);

        Assert.Equal([first, second], specs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TrackedApplication.EffectiveSpec(second), specs[second].EffectiveSpecJson);
        Assert.Equal(TrackedApplication.EffectiveSpec(first), specs[first].EffectiveSpecJson);
    }

    [Fact]
    public async Task Spec_lengths_are_the_lengths_of_the_stored_specs_of_the_stored_uids()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance());
        var first = app.Instance(1).Uid;
        var second = app.Instance(2).Uid;

        var lengths = await Db.Queries.ListInstanceSpecLengthsAsync([first, second, "not-stored"], None);

        Assert.Equal([first, second], lengths.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TrackedApplication.EffectiveSpec(second).Length, lengths[second]);
        Assert.Equal(TrackedApplication.EffectiveSpec(first).Length, lengths[first]);
    }

    [Fact]
    public async Task Instance_detail_has_its_clusters_its_neighbours_and_whether_it_is_current()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.NewInstance(), app.StartCluster(), app.EndCluster(), app.StartCluster(), app.NewInstance());
        var second = app.Instance(2);

        var detail = await Db.Queries.GetInstanceAsync(app.Key, second.Uid, None);

        Assert.NotNull(detail);
        Assert.Equal(app.State.Clusters.Select(c => c.Uid), detail.Clusters.Select(c => c.Uid));
        Assert.Equal(app.Instance(1).Uid, detail.PreviousInstanceUid);
        Assert.Equal(app.Instance(3).Uid, detail.NextInstanceUid);
        Assert.True(detail.IsCurrent);
        Assert.False(detail.IsLatest);
    }

    [Fact]
    public async Task Instance_of_another_application_is_not_found_under_this_one()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");
        await Db.CommitAsync(orders.NewInstance(), payments.NewInstance());

        Assert.Null(await Db.Queries.GetInstanceAsync(orders.Key, payments.Latest.Uid, None));
    }

    [Fact]
    public async Task Timeline_lists_instances_and_clusters_oldest_first_with_their_lifetimes()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance(), app.EndCluster(), app.StartCluster());

        var timeline = await Db.Queries.GetTimelineAsync(app.Key, null, None);

        Assert.Equal([1, 2], timeline!.Instances.Select(i => i.Sequence));
        Assert.Equal(app.Instance(1).EndedAt, timeline.Instances[0].EndedAt);
        Assert.Equal([app.Instance(1).Uid, app.Instance(2).Uid], timeline.Clusters.Select(c => c.OwnerInstanceUid));
        Assert.Null(timeline.Clusters[1].EndedAt);
    }

    [Fact]
    public async Task Timeline_reads_back_the_trackers_own_instances_and_clusters_with_their_outcomes_and_hand_overs()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"));
        await app.InPlaceChangeAsync();
        await app.SpecAsync("v3");
        await app.StatusAsync(StatusChanges.StoppedWithSavepoint(observedGeneration: 3));
        await app.ClusterEndedAsync("C1");
        await app.StatusAsync(StatusChanges.ClusterDeleted());
        await app.StatusAsync(StatusChanges.NewJobId("J2"));
        await app.ClusterStartedAsync("C2");
        await app.StatusAsync(StatusChanges.Submitted(observedGeneration: 3));
        await app.RunningAsync();

        var timeline = await Db.Queries.GetTimelineAsync(app.Key, null, None);

        Assert.Contains(app.State.Instances, i => i.Outcome?.Kind == InstanceOutcomeKind.SupersededInPlace);
        Assert.Contains(app.State.Clusters, c => c.Segments.Count == 2);
        Assert.Equal(app.State.Instances, timeline!.Instances);
        Assert.Equal(app.State.Clusters, timeline.Clusters);
    }

    [Fact]
    public async Task Timeline_instances_carry_their_spec_hash_and_lifecycle_so_a_revert_and_a_suspend_can_be_told()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"));
        await app.DeployedAndRunningAsync();

        var timeline = await Db.Queries.GetTimelineAsync(app.Key, null, None);

        var instance = Assert.Single(timeline!.Instances);
        Assert.Equal(TrackerScenario.HashOf("v1"), instance.SpecHash);
        Assert.Equal(LifecycleState.Stable, instance.LifecycleState);
    }

    [Fact]
    public async Task The_list_row_keeps_the_error_episode_of_a_blocked_upgrade_while_the_operator_clears_the_error()
    {
        var app = new SeededApplication(Db.Store, new ApplicationKey("prod", "orders"));
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        await app.StatusAsync(StatusChanges.SavepointFailed(observedGeneration: 1));
        await app.StatusAsync(StatusChanges.ErrorCleared());
        await app.StatusAsync(StatusChanges.SavepointFailed(observedGeneration: 1));
        await app.StatusAsync(StatusChanges.ErrorCleared());

        var row = (await Db.Queries.ListApplicationsAsync(new ApplicationListQuery(), None)).Items.Single();

        Assert.Null(row.Error);
        Assert.Equal(2, row.ErrorEpisode?.Count);
        Assert.Equal(app.InstanceUid(2), row.ErrorEpisode?.PendingInstanceUid);
        Assert.Equal(StatusChanges.SavepointError, row.ErrorEpisode?.Message);
    }

    [Fact]
    public async Task Timeline_in_a_range_keeps_only_what_overlaps_it()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance(), app.StartCluster(), app.NewInstance(), app.EndCluster(), app.StartCluster());
        var firstEnded = app.Instance(1).EndedAt!.Value;

        var timeline = await Db.Queries.GetTimelineAsync(app.Key, new TimeRange(firstEnded.AddSeconds(1), firstEnded.AddHours(1)), None);

        Assert.Equal([2], timeline!.Instances.Select(i => i.Sequence));
        Assert.Equal([app.Instance(2).Uid], timeline.Clusters.Select(c => c.OwnerInstanceUid));
    }

    [Fact]
    public async Task Environments_count_their_applications_and_include_unconfigured_ones()
    {
        await Db.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "flink-prod"), new EnvironmentInfo("empty", "flink-empty")], None);
        var orders = new TrackedApplication("prod", "orders");
        var payments = new TrackedApplication("prod", "payments");
        var adhoc = new TrackedApplication("team-x", "adhoc");
        await Db.CommitAsync(orders.NewInstance(), payments.NewInstance(), adhoc.NewInstance());

        var environments = await Db.Queries.ListEnvironmentsAsync(None);

        Assert.Equal(
            [new("empty", "flink-empty", null, 0), new("prod", "flink-prod", null, 2), new EnvironmentSummary("team-x", "team-x", null, 1)],
            environments);
    }

    [Fact]
    public async Task Applications_changed_after_a_commit_are_listed_for_catch_up()
    {
        var orders = new TrackedApplication(name: "orders");
        var payments = new TrackedApplication(name: "payments");
        var first = await Db.CommitAsync(orders.NewInstance(), payments.NewInstance());
        await Db.CommitAsync(payments.ReportJobState(JobState.Running));

        var changed = await Db.Queries.ListApplicationsChangedAfterAsync(first.Sequence, None);

        Assert.Equal([payments.Key], changed.Select(a => a.Key));
    }

    [Fact]
    public async Task A_deleted_object_keeps_its_application_and_says_so()
    {
        var app = new TrackedApplication();
        await Db.CommitAsync(app.NewInstance());
        var deleted = new Core.Tracking.TrackerResult(app.State, app.State with { ObjectDeleted = true }, [], [], []);

        await Db.CommitAsync(deleted);

        Assert.True((await Db.Queries.GetApplicationAsync(app.Key, None))!.Summary.ObjectDeleted);
    }
}

public sealed class ApplicationQueryTestsOnSqlite() : ApplicationQueryTests(StoreProviderKind.Sqlite);

public sealed class ApplicationQueryTestsOnPostgreSql() : ApplicationQueryTests(StoreProviderKind.PostgreSql);
