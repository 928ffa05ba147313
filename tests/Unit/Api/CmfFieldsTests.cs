using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>CMF's <c>fields</c> on lists: dotted paths of the item fields to include, apiVersion and kind always.</summary>
public sealed class CmfFieldsTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private const string Applications = "/cmf/api/v1/environments/prod/applications";

    private async Task<IReadOnlyList<JsonObject>> ItemsAsync(string path)
    {
        var answer = await dashboard.Client.GetApiAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

    [Fact]
    public async Task An_item_keeps_only_the_named_paths_and_always_its_api_version_and_kind()
    {
        var items = await ItemsAsync($"{Applications}?fields=metadata.name");

        Assert.Equal(3, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(["apiVersion", "kind", "metadata"], Keys(item));
            Assert.Equal(["name"], Keys(item["metadata"]));
        });
    }

    [Fact]
    public async Task A_path_selects_the_whole_value_at_it()
    {
        var items = await ItemsAsync($"{Applications}?fields=status.jobStatus,metadata.name&sort=name");

        Assert.Equal(["jobStatus"], Keys(items[1]["status"]));
        Assert.Equal("RUNNING", items[1]["status"]!["jobStatus"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_the_items_do_not_have_selects_nothing()
    {
        var items = await ItemsAsync($"{Applications}?fields=status.phase");

        Assert.All(items, item => Assert.Equal(["apiVersion", "kind"], Keys(item)));
    }

    [Fact]
    public async Task Instances_without_the_spec_leave_status_spec_out()
    {
        var items = await ItemsAsync($"{Applications}/orders/instances?fields=metadata,status.jobStatus");

        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal(["jobStatus"], Keys(item["status"])));
    }

    [Fact]
    public async Task Environments_and_events_take_fields_too()
    {
        var environments = await ItemsAsync("/cmf/api/v1/environments?fields=name");
        var events = await ItemsAsync("/cmf/api/v1alpha1/environments/prod/applications/payments/events?fields=status.type");

        Assert.Equal(["prod", "quiet", "staging"], environments.Select(e => e["name"]!.GetValue<string>()));
        Assert.All(environments, e => Assert.Equal(["name"], Keys(e)));
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(["type"], Keys(e["status"])));
    }

    [Theory]
    [InlineData("fields=")]
    [InlineData("fields=metadata..name")]
    [InlineData("fields=.metadata")]
    [InlineData("fields=metadata name")]
    [InlineData("fields=metadata[0]")]
    [InlineData("fields=metadata&fields=status")]
    public async Task A_malformed_fields_list_gives_400_that_says_what_a_path_is(string query)
    {
        var answer = await dashboard.Client.GetApiAsync($"{Applications}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("fields must be", answer.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_paths_than_the_limit_give_400()
    {
        var paths = string.Join(',', Enumerable.Range(0, Cmf.Dashboard.Api.FieldSelection.MaxPaths + 1).Select(i => $"a{i}"));

        var answer = await dashboard.Client.GetApiAsync($"{Applications}?fields={paths}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }
}
