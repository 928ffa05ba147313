using System.Net;
using Cmf.UnitTests.Security.Support;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.Options;

namespace Cmf.UnitTests.Security;

/// <summary>
/// DNS rebinding: a page on a name its author controls re-points that name at 127.0.0.1 and reads the dashboard as its
/// own origin; its requests carry that name in Host. With sign-in off only loopback names are answered.
/// </summary>
public sealed class HostNameTests
{
    [Fact]
    public async Task Unsecured_mode_refuses_a_rebound_host_name_with_400_and_says_why()
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await GetAsync(host, "/cmf/api/v1/environments", $"rebind.evil.example:{host.BaseUrl.Port}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("does not answer to the host name 'rebind.evil.example'", body, StringComparison.Ordinal);
        Assert.Contains("DNS rebinding", body, StringComparison.Ordinal);
        Assert.Contains("Cmf:Security:AllowedHosts", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]")]
    public async Task Unsecured_mode_answers_loopback_host_names_on_any_port(string name)
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await GetAsync(host, "/cmf/api/v1/environments", $"{name}:{host.BaseUrl.Port}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Unsecured_mode_does_not_take_a_subdomain_of_localhost_for_loopback()
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await GetAsync(host, "/cmf/api/v1/environments", $"rebind.localhost:{host.BaseUrl.Port}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Unsecured_mode_answers_a_name_listed_in_allowed_hosts()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:Security:AllowedHosts:0"] = "flink-dashboard.internal" });

        using var listed = await GetAsync(host, "/cmf/api/v1/environments", "flink-dashboard.internal");
        using var loopback = await GetAsync(host, "/cmf/api/v1/environments", "localhost");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    [Fact]
    public async Task Unsecured_mode_refuses_to_start_when_any_host_name_is_allowed()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:Security:AllowedHosts:0"] = "*" }));

        Assert.Contains("Cmf:Security:AllowedHosts cannot be '*' while Cmf:Auth:Mode is Unsecured", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_mode_answers_any_host_name_by_default()
    {
        await using var host = await StartTokenModeAsync();

        using var answer = await GetAsync(host, "/healthz", "dashboard.example.com");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("dashboard.example.com")]
    [InlineData("flink.apps.example.com")]
    public async Task Token_mode_answers_the_names_in_allowed_hosts(string name)
    {
        await using var host = await StartTokenModeAsync("dashboard.example.com", "*.apps.example.com");

        using var answer = await GetAsync(host, "/healthz", name);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost")]
    public async Task Token_mode_refuses_a_name_not_in_allowed_hosts_with_400(string name)
    {
        await using var host = await StartTokenModeAsync("dashboard.example.com", "*.apps.example.com");

        using var answer = await GetAsync(host, "/healthz", name);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("answers only to the names in Cmf:Security:AllowedHosts", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<DashboardHost> StartTokenModeAsync(params string[] allowedHosts)
    {
        var settings = TokenMode.Settings();
        for (var i = 0; i < allowedHosts.Length; i++)
        {
            settings[$"Cmf:Security:AllowedHosts:{i}"] = allowedHosts[i];
        }
        return DashboardHost.StartAsync(settings);
    }

    /// <summary>Sent to the dashboard's real address with another Host header, as a browser on a rebound name sends it.</summary>
    private static async Task<HttpResponseMessage> GetAsync(DashboardHost host, string path, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        return await host.Client.SendAsync(request);
    }
}
