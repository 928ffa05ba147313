using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Views = Cmf.Core.Storage.Views;

namespace Cmf.UnitTests.Dashboard;

public sealed class ViewModelMappingTests
{
    [Fact]
    public void The_lists_first_page_is_the_stores_page_zero()
    {
        var query = new ApplicationListFilter { Page = 1 }.ToQuery(pageSize: 50);

        Assert.Equal((0, 50), (query.Page, query.PageSize));
    }

    [Theory]
    [InlineData(ApplicationSort.Name, Views.ApplicationSort.Name)]
    [InlineData(ApplicationSort.Environment, Views.ApplicationSort.Environment)]
    [InlineData(ApplicationSort.JobState, Views.ApplicationSort.JobState)]
    [InlineData(ApplicationSort.LastChange, Views.ApplicationSort.LastChange)]
    [InlineData(ApplicationSort.InstanceCount, Views.ApplicationSort.InstanceCount)]
    public void Every_list_sort_is_one_the_store_has_an_index_for(ApplicationSort sort, Views.ApplicationSort expected)
    {
        Assert.Equal(expected, new ApplicationListFilter { Sort = sort }.ToQuery(pageSize: 50).Sort);
    }

    [Fact]
    public void The_filter_reaches_the_query()
    {
        var filter = new ApplicationListFilter { Environment = "prod", JobStates = [JobState.Failed], Search = "ord", Descending = true, Page = 3 };

        var query = filter.ToQuery(pageSize: 20);

        Assert.Equal(("prod", JobState.Failed, "ord", true, 2), (query.Environment, query.JobStates.Single(), query.Text, query.Descending, query.Page));
    }

    [Fact]
    public void A_timeline_instance_keeps_what_its_outcome_is_read_from()
    {
        var instance = new Views.TimelineInstance { Uid = "uid-2", Sequence = 2, SpecHash = "h", LifecycleState = LifecycleState.Suspended, ReconciledAt = DateTimeOffset.UnixEpoch };

        var view = instance.ToView();

        Assert.Equal(("h", LifecycleState.Suspended, DateTimeOffset.UnixEpoch), (view.SpecHash, view.LifecycleState, view.ReconciledAt));
    }

    [Fact]
    public void A_cluster_keeps_its_owner_source_and_segments()
    {
        var segments = new[] { new ClusterSegment("i1", DateTimeOffset.UnixEpoch), new ClusterSegment("i2", DateTimeOffset.UnixEpoch.AddMinutes(1)) };
        var cluster = new Views.ClusterSummary { Uid = "c", Name = "orders", OwnerInstanceUid = "i2", OwnerSource = ClusterOwnerSource.Rollback, Segments = segments };

        var view = cluster.ToView();

        Assert.Equal(ClusterOwnerSource.Rollback, view.OwnerSource);
        Assert.Equal(segments, view.Segments);
    }

    [Fact]
    public void A_cluster_says_in_words_why_its_owner_owns_it()
    {
        var cluster = new Views.ClusterSummary { Uid = "c", Name = "orders", OwnerInstanceUid = "i", OwnerSource = ClusterOwnerSource.Rollback, Segments = [] };

        Assert.Equal("runs lastStableSpec during a rollback", cluster.ToView().OwnerReason);
    }

    [Fact]
    public void Environment_defaults_are_shown_masked()
    {
        var environment = new Views.EnvironmentSummary("prod", "flink-prod", """{"spec":{"flinkConfiguration":{"s3.secret-key":"<sealed:0123456789abcdef>"}}}""", 3);

        Assert.Contains("s3.secret-key: ******", environment.ToView().DefaultsYaml, StringComparison.Ordinal);
    }
}
