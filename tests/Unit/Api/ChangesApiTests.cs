using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary><c>GET /api/v1/changes</c> on the seeded history: the page's list, filters and paging, and a clear 400 for each bad parameter.</summary>
public abstract class ChangesApiTests(SeededDashboard dashboard)
{
    // The seeded history is made by the tracker scenario's clock, from 2026-03-01T12:00:00Z.
    private const string Range = "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";

    private async Task<JsonNode> ListAsync(string parameters = "")
    {
        var answer = await dashboard.Client.GetApiAsync($"/api/v1/changes?{Range}{parameters}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json;
    }

    private static IReadOnlyList<JsonNode> Items(JsonNode list) => [.. list["items"]!.AsArray().Select(i => i!)];

    private static IReadOnlyList<string> Uids(JsonNode list) => [.. Items(list).Select(i => i["instanceUid"]!.GetValue<string>())];

    [Fact]
    public async Task Every_instance_of_every_application_in_the_range_is_listed_newest_first()
    {
        var items = Items(await ListAsync());

        // orders #1 #2, payments #1 #2, audit #1, trimmed #2 #3 (#1 was pruned).
        Assert.Equal(7, items.Count);
        var times = items.Select(i => i["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task A_change_says_what_changed_without_the_secret_and_links_to_its_diff()
    {
        var orders2 = Items(await ListAsync("&application=orders")).Single(i => i["sequence"]!.GetValue<int>() == 2);

        var summary = orders2["summary"]!.GetValue<string>();
        Assert.Contains("parallelism 2 -> 4", summary, StringComparison.Ordinal);
        Assert.Contains("secret changed", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("a-new-secret-do-not-show", orders2.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("parallelism", orders2["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(dashboard.Orders.InstanceUid(1), orders2["previousInstanceUid"]!.GetValue<string>());
        Assert.Equal($"/api/v1/environments/prod/applications/orders/diff?from={dashboard.Orders.InstanceUid(1)}&to={dashboard.Orders.InstanceUid(2)}",
            orders2["diffUrl"]!.GetValue<string>());
        Assert.Equal("current", orders2["outcome"]!.GetValue<string>());
        Assert.Equal(["deployed", "current"], orders2["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task The_outcome_filter_finds_the_blocked_upgrade()
    {
        var list = await ListAsync("&outcome=blocked");

        Assert.Equal([dashboard.Payments.InstanceUid(2)], Uids(list));
        Assert.StartsWith("pending, upgrade blocked: ", Items(list)[0]["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_field_filter_keeps_the_changes_of_that_kind()
    {
        var list = await ListAsync("&field=parallelism");

        Assert.Equal(
            new[] { dashboard.Orders.InstanceUid(2), dashboard.Payments.InstanceUid(2) }.Order(StringComparer.Ordinal),
            Uids(list).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_environment_filter_keeps_its_applications()
    {
        var list = await ListAsync("&environment=staging");

        Assert.Equal(2, Uids(list).Count);
        Assert.Equal(dashboard.TrimmedLatestUid, Uids(list)[0]);
        Assert.All(Items(list), i => Assert.Equal("trimmed", i["application"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_follow_one_another_through_next_until_the_end()
    {
        var all = Uids(await ListAsync());
        var seen = new List<string>();
        var url = $"/api/v1/changes?{Range}&size=3";
        for (var page = 0; page < 10 && url is not null; page++)
        {
            var list = (await dashboard.Client.GetApiAsync(url)).Json;
            seen.AddRange(Uids(list));
            url = list["nextUrl"]?.GetValue<string>();
        }

        Assert.Null(url);
        Assert.Equal(all, seen);
    }

    [Theory]
    [InlineData("field=colour", "field must be one of image, flink-version, parallelism, resources, configuration, other; got 'colour'.")]
    [InlineData("outcome=exploded", "outcome must be one of deployed, current, pending, blocked, rolled-back, never-deployed, superseded-in-place; got 'exploded'.")]
    [InlineData("from=yesterday&to=2026-03-02T00:00:00Z", "from must be an ISO 8601 time such as 2026-03-01T12:00:00Z; got 'yesterday'.")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from must be earlier than to; got from=2026-03-02T00:00:00Z, to=2026-03-01T00:00:00Z.")]
    [InlineData("from=2020-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "The range from..to may span at most 366 days.")]
    [InlineData("to=2026-03-01T00:00:00Z", "to needs from: give the range as from and to (ISO 8601 times), or a window such as 24h.")]
    [InlineData("window=99999d", "window must be a duration such as 1h, 24h or 7d, at most 366d; got '99999d'.")]
    [InlineData("window=367d", "window must be a duration such as 1h, 24h or 7d, at most 366d; got '367d'.")]
    [InlineData("size=0", "size must be a whole number from 1 to 200; got '0'.")]
    [InlineData("size=99999999999999999999", "size must be a whole number from 1 to 200; got '99999999999999999999'.")]
    [InlineData("before=yesterday", "before must be the next value of an earlier page, such as 1767225600000.42; got 'yesterday'.")]
    [InlineData("colour=red", "Unknown query parameter 'colour'; the changes list takes window, from, to, environment, application, field, key, outcome, before, size, embed.")]
    public async Task A_bad_parameter_is_a_400_that_says_what_is_allowed(string parameters, string message)
    {
        var answer = await dashboard.Client.GetApiAsync($"/api/v1/changes?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.FirstError);
    }

    [Fact]
    public async Task A_huge_key_is_a_400_that_does_not_echo_it()
    {
        var answer = await dashboard.Client.GetApiAsync($"/api/v1/changes?key={new string('k', 5000)}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("key must be at most 120 characters without control characters.", answer.FirstError);
    }
}

public sealed class ChangesApiTestsOnSqlite(SeededDashboard dashboard) : ChangesApiTests(dashboard), IClassFixture<SeededDashboard>;

public sealed class ChangesApiTestsOnPostgreSql(SeededPostgreSqlDashboard dashboard) : ChangesApiTests(dashboard), IClassFixture<SeededPostgreSqlDashboard>;
