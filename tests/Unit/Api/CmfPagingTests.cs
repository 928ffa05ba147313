using System.Net;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

public abstract class CmfPagingTests(SeededDashboard dashboard)
{
    private const string Applications = "/cmf/api/v1/environments/prod/applications";
    private const string Instances = Applications + "/orders/instances";

    [Theory]
    [InlineData("size=0")]
    [InlineData("size=501")]
    [InlineData("size=-1")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=1.5")]
    [InlineData("page=+1")]
    [InlineData("page=99999999999999999999999999999999")]
    [InlineData("page=2147483647&size=500")]
    [InlineData("page=1&page=2")]
    [InlineData("sort=lifecycle")]
    [InlineData("sort=name,sideways")]
    [InlineData("sort=name&sort=updateTimestamp")]
    [InlineData("sort=")]
    [InlineData("search=ord&searchScope=name")]
    [InlineData("page-token=abc")]
    public async Task Invalid_paging_gives_400_with_the_error_envelope(string query)
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
        Assert.NotEmpty(answer.FirstError);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task Size_at_the_bounds_is_accepted(int size)
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?size={size}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(size, answer.Json["pageable"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_counts_everything()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?page=1000000&size=500");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Json["items"]!.AsArray());
        Assert.Equal(3, answer.Json["metadata"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Pages_of_one_walk_through_every_application_once()
    {
        var names = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            names.AddRange(await NamesAsync($"{Applications}?size=1&page={page}"));
        }

        Assert.Equal(["audit", "orders", "payments"], names);
    }

    [Fact]
    public async Task Applications_sort_by_name_descending()
    {
        Assert.Equal(["payments", "orders", "audit"], await NamesAsync($"{Applications}?sort=name,desc"));
    }

    [Fact]
    public async Task Applications_sort_by_name_ascending_is_the_default_direction()
    {
        Assert.Equal(["audit", "orders", "payments"], await NamesAsync($"{Applications}?sort=name"));
    }

    [Fact]
    public async Task Instances_sort_by_creation_time_newest_first()
    {
        var uids = await NamesAsync($"{Instances}?sort=creationTimestamp,desc");

        Assert.Equal([dashboard.Orders.InstanceUid(2), dashboard.Orders.InstanceUid(1)], uids);
    }

    [Fact]
    public async Task Instances_come_oldest_first_without_a_sort()
    {
        var uids = await NamesAsync(Instances);

        Assert.Equal([dashboard.Orders.InstanceUid(1), dashboard.Orders.InstanceUid(2)], uids);
    }

    [Fact]
    public async Task Instances_sort_by_name_follows_the_uid_text()
    {
        var uids = await NamesAsync($"{Instances}?sort=name,asc");

        Assert.Equal(uids.Order(StringComparer.Ordinal), uids);
        Assert.Equal(2, uids.Count);
    }

    [Fact]
    public async Task Events_sorted_by_creation_ascending_start_with_the_first_instance()
    {
        var events = (await dashboard.Client.GetApiAsync("/cmf/api/v1alpha1/environments/prod/applications/orders/events?sort=creationTimestamp,asc&size=1")).Json;

        Assert.Equal(dashboard.Orders.InstanceUid(1), events["items"]![0]!["metadata"]!["flinkApplicationInstance"]!.GetValue<string>());
        Assert.True(events["pageable"]!["sort"]!["sorted"]!.GetValue<bool>());
    }

    private async Task<List<string>> NamesAsync(string path)
    {
        var answer = await dashboard.Client.GetApiAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
    }
}

public sealed class CmfPagingTestsOnSqlite(SeededDashboard dashboard) : CmfPagingTests(dashboard), IClassFixture<SeededDashboard>;

public sealed class CmfPagingTestsOnPostgreSql(SeededPostgreSqlDashboard dashboard) : CmfPagingTests(dashboard), IClassFixture<SeededPostgreSqlDashboard>;
