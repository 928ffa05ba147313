using System.Net;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Security;

/// <summary>Nothing in the product writes: every write method on every route answers 405 with an Allow header.</summary>
public sealed class ReadOnlyTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private const string Uid = "00000000-0000-4000-8000-000000000000";

    public static readonly string[] Routes =
    [
        "/cmf/api/v1/environments",
        "/cmf/api/v1/environments/prod",
        "/cmf/api/v1/environments/prod/applications",
        "/cmf/api/v1/environments/prod/applications/orders",
        "/cmf/api/v1/environments/prod/applications/orders/start",
        "/cmf/api/v1/environments/prod/applications/orders/suspend",
        "/cmf/api/v1/environments/prod/applications/orders/instances",
        $"/cmf/api/v1/environments/prod/applications/orders/instances/{Uid}",
        "/cmf/api/v1alpha1/environments/prod/applications/orders/events",
        $"/api/v1/instances/{Uid}",
        $"/api/v1/environments/prod/applications/orders/diff?from={Uid}&to={Uid}",
        "/api/v1/environments/prod/applications/orders/timeline",
        "/api/v1/environments/prod/applications/orders/clusters",
        "/api/v1/openapi.json",
        "/applications",
        "/environments/prod/applications/orders",
        "/login",
        "/healthz",
        "/not-a-page",
    ];

    public static TheoryData<string, string> WritesOnEveryRoute()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes)
        {
            foreach (var method in new[] { "POST", "PUT", "PATCH", "DELETE" })
            {
                data.Add(method, route);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WritesOnEveryRoute))]
    public async Task A_write_method_is_refused_with_405_and_the_allowed_methods(string method, string route)
    {
        var answer = await dashboard.Client.SendAsync(new HttpMethod(method), route);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(["GET", "HEAD"], answer.Response.Content.Headers.Allow.Order());
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
    }

    [Fact]
    public async Task Head_is_answered_like_get_without_a_body()
    {
        var answer = await dashboard.Client.SendAsync(HttpMethod.Head, "/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body);
    }
}
