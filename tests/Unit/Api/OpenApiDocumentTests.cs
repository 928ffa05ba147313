using System.Net;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>The extension API is described by the OpenAPI document the app serves, and answers as it says.</summary>
public sealed class OpenApiDocumentTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    [Fact]
    public async Task The_document_lists_every_extension_route_and_no_cmf_route()
    {
        var document = (await dashboard.Client.GetApiAsync("/api/v1/openapi.json")).Json;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "/api/v1/about",
            "/api/v1/changes",
            "/api/v1/environments/{envName}/applications/{appName}/clusters",
            "/api/v1/environments/{envName}/applications/{appName}/diff",
            "/api/v1/environments/{envName}/applications/{appName}/timeline",
            "/api/v1/instances/{uid}",
            "/api/v1/instances/{uid}/spec.yaml",
        ], paths);
    }

    [Fact]
    public async Task The_instance_schema_requires_the_paths_from_environment_defaults_as_a_list_of_strings()
    {
        var document = (await dashboard.Client.GetApiAsync("/api/v1/openapi.json")).Json;

        var schema = document["components"]!["schemas"]!["InstanceResource"]!;
        Assert.Contains("environmentDefaultPaths", schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var property = schema["properties"]!["environmentDefaultPaths"]!;
        Assert.Equal("array", property["type"]!.GetValue<string>());
        Assert.Equal("string", property["items"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_document_is_also_served_as_yaml()
    {
        var answer = await dashboard.Client.GetApiAsync("/api/v1/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("openapi:", answer.Body, StringComparison.Ordinal);
        Assert.Contains("/api/v1/instances/{uid}", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/instances/{orders2}", "InstanceResource")]
    [InlineData("/api/v1/instances/{orders1}", "InstanceResource")]
    [InlineData("/api/v1/environments/prod/applications/orders/timeline?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", "TimelineResource")]
    [InlineData("/api/v1/environments/prod/applications/orders/diff?from={orders1}&to={orders2}", "SpecDiffResource")]
    [InlineData("/api/v1/environments/prod/applications/orders/timeline", "TimelineResource")]
    [InlineData("/api/v1/environments/prod/applications/orders/clusters", "ClusterList")]
    [InlineData("/api/v1/instances/{pruned}", "RestError")]
    [InlineData("/api/v1/changes?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z", "ChangeListResource")]
    [InlineData("/api/v1/changes?field=colour", "RestError")]
    public async Task An_answer_validates_against_the_schema_the_document_gives_it(string path, string schema)
    {
        var document = OpenApiSchemas.FromJson((await dashboard.Client.GetApiAsync("/api/v1/openapi.json")).Body);
        var url = path.Replace("{orders1}", dashboard.Orders.InstanceUid(1), StringComparison.Ordinal)
            .Replace("{orders2}", dashboard.Orders.InstanceUid(2), StringComparison.Ordinal)
            .Replace("{pruned}", dashboard.PrunedUid, StringComparison.Ordinal);

        var answer = await dashboard.Client.GetApiAsync(url);

        Assert.Empty(await document.ValidateAsync(schema, answer.Body));
    }
}
