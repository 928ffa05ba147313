using System.Net;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

public abstract class ExtensionsApiTests(SeededDashboard dashboard)
{
    private const string Orders = "/api/v1/environments/prod/applications/orders";

    [Fact]
    public async Task An_instance_found_by_uid_alone_names_its_application_and_sequence()
    {
        var instance = (await dashboard.Client.GetApiAsync($"/api/v1/instances/{dashboard.Orders.InstanceUid(2)}")).Json;

        Assert.Equal("prod", instance["environment"]!.GetValue<string>());
        Assert.Equal("orders", instance["application"]!.GetValue<string>());
        Assert.Equal(2, instance["sequence"]!.GetValue<int>());
        Assert.True(instance["isCurrent"]!.GetValue<bool>());
        Assert.Equal(4, instance["effectiveSpec"]!["job"]!["parallelism"]!.GetValue<int>());
        Assert.Equal(dashboard.Orders.InstanceUid(1), instance["previousInstanceUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instance_links_to_its_page_and_to_cmf()
    {
        var uid = dashboard.Orders.InstanceUid(1);

        var links = (await dashboard.Client.GetApiAsync($"/api/v1/instances/{uid}")).Json["links"]!;

        Assert.Equal($"/environments/prod/applications/orders/instances/{uid}", links["page"]!.GetValue<string>());
        Assert.Equal($"/cmf/api/v1/environments/prod/applications/orders/instances/{uid}", links["cmf"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instance_names_the_values_that_equal_its_environments_defaults()
    {
        var instance = (await dashboard.Client.GetApiAsync($"/api/v1/instances/{dashboard.Orders.InstanceUid(2)}")).Json;

        Assert.Equal(
            ["flinkConfiguration[\"execution.checkpointing.interval\"]", "flinkConfiguration[\"s3.secret-key\"]"],
            instance["environmentDefaultPaths"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task An_instance_of_an_environment_without_defaults_has_none_from_them()
    {
        var instance = (await dashboard.Client.GetApiAsync($"/api/v1/instances/{dashboard.TrimmedLatestUid}")).Json;

        Assert.Empty(instance["environmentDefaultPaths"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_uid_is_404()
    {
        var answer = await dashboard.Client.GetApiAsync("/api/v1/instances/00000000-0000-4000-8000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_uid_pruned_by_retention_is_410_and_says_where_it_was()
    {
        var answer = await dashboard.Client.GetApiAsync($"/api/v1/instances/{dashboard.PrunedUid}");

        Assert.Equal(HttpStatusCode.Gone, answer.Status);
        Assert.Contains("staging/trimmed", answer.FirstError, StringComparison.Ordinal);
        Assert.Contains("pruned by retention", answer.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diff_with_a_pruned_instance_is_410()
    {
        var answer = await dashboard.Client.GetApiAsync(
            $"/api/v1/environments/staging/applications/trimmed/diff?from={dashboard.PrunedUid}&to={dashboard.TrimmedLatestUid}");

        Assert.Equal(HttpStatusCode.Gone, answer.Status);
    }

    [Fact]
    public async Task A_diff_shows_the_changed_line_as_unified_text_and_as_a_hunk()
    {
        var diff = (await dashboard.Client.GetApiAsync(DiffOfOrders())).Json;

        var unified = diff["unified"]!.GetValue<string>();
        Assert.Contains("-  parallelism: 2\n+  parallelism: 4\n", unified, StringComparison.Ordinal);
        Assert.StartsWith($"--- {dashboard.Orders.InstanceUid(1)} (#1)\n+++ {dashboard.Orders.InstanceUid(2)} (#2)\n@@ -", unified, StringComparison.Ordinal);
        var lines = diff["hunks"]!.AsArray().SelectMany(h => h!["lines"]!.AsArray()).ToList();
        Assert.Contains(lines, l => l!["kind"]!.GetValue<string>() == "added" && l["text"]!.GetValue<string>() == "  parallelism: 4");
    }

    [Fact]
    public async Task A_diff_says_a_secret_changed_without_showing_either_value()
    {
        var answer = await dashboard.Client.GetApiAsync(DiffOfOrders());

        var lines = answer.Json["hunks"]!.AsArray().SelectMany(h => h!["lines"]!.AsArray()).ToList();
        Assert.Contains(lines, l => l!["secretChanged"]!.GetValue<bool>() && l["text"]!.GetValue<string>().Contains("keystore-password: ******", StringComparison.Ordinal));
        Assert.DoesNotContain("do-not-show", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<sealed:", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diff_hunk_counts_match_its_lines()
    {
        var hunks = (await dashboard.Client.GetApiAsync(DiffOfOrders())).Json["hunks"]!.AsArray();

        Assert.All(hunks, hunk =>
        {
            var kinds = hunk!["lines"]!.AsArray().Select(l => l!["kind"]!.GetValue<string>()).ToList();
            Assert.Equal(kinds.Count(k => k != "added"), hunk["oldLines"]!.GetValue<int>());
            Assert.Equal(kinds.Count(k => k != "removed"), hunk["newLines"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task A_diff_of_an_instance_of_another_application_is_404()
    {
        var answer = await dashboard.Client.GetApiAsync(
            $"{Orders}/diff?from={dashboard.Orders.InstanceUid(1)}&to={dashboard.TrimmedLatestUid}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task The_timeline_lists_both_instances_and_both_clusters_oldest_first()
    {
        var timeline = (await dashboard.Client.GetApiAsync($"{Orders}/timeline")).Json;

        Assert.Equal([1, 2], timeline["instances"]!.AsArray().Select(i => i!["sequence"]!.GetValue<int>()));
        var clusters = timeline["clusters"]!.AsArray();
        Assert.Equal([dashboard.Orders.InstanceUid(1), dashboard.Orders.InstanceUid(2)], clusters.Select(c => c!["ownerInstanceUid"]!.GetValue<string>()));
        Assert.NotNull(clusters[0]!["endedAt"]);
    }

    [Fact]
    public async Task A_timeline_range_before_the_history_is_empty()
    {
        var timeline = (await dashboard.Client.GetApiAsync($"{Orders}/timeline?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")).Json;

        Assert.Empty(timeline["instances"]!.AsArray());
        Assert.Empty(timeline["clusters"]!.AsArray());
    }

    [Fact]
    public async Task The_clusters_of_an_application_name_their_owners()
    {
        var clusters = (await dashboard.Client.GetApiAsync($"{Orders}/clusters")).Json["items"]!.AsArray();

        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Equal("GenerationAnnotation", c!["ownerSource"]!.GetValue<string>()));
    }

    private string DiffOfOrders() => $"{Orders}/diff?from={dashboard.Orders.InstanceUid(1)}&to={dashboard.Orders.InstanceUid(2)}";
}

public sealed class ExtensionsApiTestsOnSqlite(SeededDashboard dashboard) : ExtensionsApiTests(dashboard), IClassFixture<SeededDashboard>;

public sealed class ExtensionsApiTestsOnPostgreSql(SeededPostgreSqlDashboard dashboard) : ExtensionsApiTests(dashboard), IClassFixture<SeededPostgreSqlDashboard>;
