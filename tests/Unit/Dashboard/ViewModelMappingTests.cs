using Cmf.Core.Model;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Model;
using Cmf.Core.Storage.Views;

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
    [InlineData(ApplicationSort.Name)]
    [InlineData(ApplicationSort.Environment)]
    [InlineData(ApplicationSort.JobState)]
    [InlineData(ApplicationSort.LastChange)]
    [InlineData(ApplicationSort.InstanceCount)]
    public void Every_list_sort_reaches_the_stores_query(ApplicationSort sort)
    {
        Assert.Equal(sort, new ApplicationListFilter { Sort = sort }.ToQuery(pageSize: 50).Sort);
    }

    [Fact]
    public void The_filter_reaches_the_query()
    {
        var filter = new ApplicationListFilter { Environment = "prod", JobStates = [JobState.Failed], Search = "ord", Descending = true, Page = 3 };

        var query = filter.ToQuery(pageSize: 20);

        Assert.Equal(("prod", JobState.Failed, "ord", true, 2), (query.Environment, query.JobStates.Single(), query.Text, query.Descending, query.Page));
    }

    [Fact]
    public void Environment_defaults_are_shown_masked()
    {
        var environment = new EnvironmentSummary("prod", "flink-prod", """{"spec":{"flinkConfiguration":{"s3.secret-key":"<sealed:0123456789abcdef>"}}}""", 3);

        Assert.Contains("s3.secret-key: ******", environment.ToView().DefaultsYaml, StringComparison.Ordinal);
    }
}
