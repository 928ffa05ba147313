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
    public void A_list_row_keeps_its_current_and_latest_instance()
    {
        var row = new Views.ApplicationSummary
        {
            Key = new ApplicationKey("prod", "orders"),
            Namespace = "flink-prod",
            CurrentInstance = new Views.InstanceReference("uid-1", 1),
            LatestInstance = new Views.InstanceReference("uid-3", 3),
            PendingUpgrade = true,
            StoppedForUpgrade = true,
        };

        var view = row.ToView();

        Assert.Equal(("prod", "orders", "flink-prod"), (view.Environment, view.Name, view.Namespace));
        Assert.Equal(new InstanceRef("uid-3", 3), view.PendingInstance);
        Assert.True(view.StoppedForUpgrade);
    }

    [Fact]
    public void A_list_row_keeps_the_error_episode_that_blocks_its_pending_instance()
    {
        var episode = new ErrorEpisode { Message = "Savepoint Error", PendingInstanceUid = "uid-3", FirstSeen = DateTimeOffset.UnixEpoch, LastSeen = DateTimeOffset.UnixEpoch, Count = 4 };
        var row = new Views.ApplicationSummary { Key = new ApplicationKey("prod", "orders"), Namespace = "flink-prod", ErrorEpisode = episode };

        Assert.Equal(episode, row.ToView().ErrorEpisode);
    }

    [Fact]
    public void Environment_defaults_are_shown_masked()
    {
        var environment = new Views.EnvironmentSummary("prod", "flink-prod", """{"spec":{"flinkConfiguration":{"s3.secret-key":"<sealed:0123456789abcdef>"}}}""", 3);

        Assert.Contains("s3.secret-key: ******", environment.ToView().DefaultsYaml, StringComparison.Ordinal);
    }
}
