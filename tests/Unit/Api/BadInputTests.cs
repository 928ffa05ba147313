using System.Net;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>Bad input on every route gets a clear 4xx with the error envelope, never a 500 or an HTML page.</summary>
public sealed class BadInputTests(SeededDashboard dashboard) : IClassFixture<SeededDashboard>
{
    private const string Uid = "00000000-0000-4000-8000-000000000000";

    private static readonly string LongLabel = new('a', 64);
    private static readonly string LongName = new('a', 254);

    public static TheoryData<string, HttpStatusCode> Requests => new()
    {
        { $"/cmf/api/v1/environments/{LongLabel}", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/Prod", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/pr%C3%B6d/applications", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/-prod/applications", HttpStatusCode.BadRequest },
        { $"/cmf/api/v1/environments/prod/applications/{LongName}", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/prod/applications/orders%2F..%2Fpayments", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/prod/applications/Orders/instances", HttpStatusCode.BadRequest },
        { "/cmf/api/v1/environments/prod/applications/orders/instances/not-a-uid", HttpStatusCode.BadRequest },
        { $"/cmf/api/v1/environments/prod/applications/orders/instances/{{{Uid}}}", HttpStatusCode.BadRequest },
        { $"/cmf/api/v1/environments/prod/applications/orders/instances/{Uid}0", HttpStatusCode.BadRequest },
        { "/cmf/api/v1alpha1/environments/prod/applications/orders_x/events", HttpStatusCode.BadRequest },
        { $"/cmf/api/v1alpha1/environments/prod/applications/orders/events?size={new string('9', 2000)}", HttpStatusCode.BadRequest },
        { "/cmf/api/v1alpha1/environments/prod/applications/orders/events?sort=name", HttpStatusCode.BadRequest },
        { "/api/v1/instances/not-a-uid", HttpStatusCode.BadRequest },
        { $"/api/v1/instances/{new string('f', 4000)}", HttpStatusCode.BadRequest },
        { $"/api/v1/environments/prod/applications/orders/diff?from={Uid}", HttpStatusCode.BadRequest },
        { $"/api/v1/environments/prod/applications/orders/diff?from=x&to={Uid}", HttpStatusCode.BadRequest },
        { $"/api/v1/environments/prod/applications/orders/diff?from={Uid}&to={Uid}", HttpStatusCode.NotFound },
        { "/api/v1/environments/prod/applications/orders/timeline?from=2026-03-01T00:00:00Z", HttpStatusCode.BadRequest },
        { "/api/v1/environments/prod/applications/orders/timeline?from=yesterday&to=today", HttpStatusCode.BadRequest },
        { "/api/v1/environments/prod/applications/orders/timeline?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", HttpStatusCode.BadRequest },
        { $"/api/v1/environments/prod/applications/orders/timeline?from={new string('1', 5000)}&to=x", HttpStatusCode.BadRequest },
        { $"/api/v1/environments/{LongLabel}/applications/orders/clusters", HttpStatusCode.BadRequest },
        { "/api/v1/environments/prod/applications/missing/clusters", HttpStatusCode.NotFound },
        { "/api/v1/nothing-here", HttpStatusCode.NotFound },
        { "/cmf/api/v1/secrets", HttpStatusCode.NotFound },
        { "/cmf/api/v2/environments", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bad_input_gets_a_clear_client_error_in_the_envelope(string path, HttpStatusCode status)
    {
        var answer = await dashboard.Client.GetApiAsync(path);

        Assert.Equal(status, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("application/json;q=0, text/plain")]
    [InlineData("@@not a media type@@")]
    public async Task An_accept_header_the_api_cannot_serve_gets_406_in_json(string accept)
    {
        var answer = await dashboard.Client.GetApiAsync("/cmf/api/v1/environments", accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Contains("application/yaml", answer.FirstError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html, application/json;q=0.5", "application/json")]
    [InlineData("application/yaml;q=0.9, application/json;q=0.1", "application/yaml")]
    [InlineData("*/*", "application/json")]
    public async Task The_most_preferred_type_the_api_can_write_wins(string accept, string contentType)
    {
        var answer = await dashboard.Client.GetApiAsync("/cmf/api/v1/environments", accept);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(contentType, answer.ContentType);
    }

    [Theory]
    [InlineData("/cmf/api/v1/environments/prod%00/applications", HttpStatusCode.BadRequest)]
    [InlineData("/cmf/api/v1/environments/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa{0}", HttpStatusCode.RequestUriTooLong)]
    public async Task Requests_the_web_server_cannot_take_are_refused_before_the_api(string path, HttpStatusCode status)
    {
        var answer = await dashboard.Client.GetApiAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, new string('a', 20_000)));

        Assert.Equal(status, answer.Status);
    }
}
