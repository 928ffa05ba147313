using System.Net;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Security;

/// <summary>Unsecured mode starts only on loopback, unless the operator accepts an open dashboard; either way it says so.</summary>
public sealed class UnsecuredModeTests
{
    [Fact]
    public async Task Unsecured_mode_refuses_to_start_on_all_interfaces_and_names_the_settings_to_change()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DashboardHost.StartAsync(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" }));

        Assert.Contains("Cmf:Auth:Mode", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Cmf:Auth:AllowUnsecuredNonLoopback=true", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--urls", failure.Message, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsecured_mode_on_all_interfaces_starts_when_allowed_and_warns_on_every_page()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:0",
            ["Cmf:Auth:AllowUnsecuredNonLoopback"] = "true",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.BaseUrl.Port}") };

        var page = await client.GetStringAsync("/applications");

        Assert.Contains("Sign-in is off", page, StringComparison.Ordinal);
        Assert.Contains("anyone who can reach it can read it", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsecured_mode_on_loopback_serves_the_api_without_sign_in()
    {
        await using var host = await DashboardHost.StartAsync();

        var answer = await host.Client.GetAsync("/cmf/api/v1/environments");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Unsecured_mode_on_loopback_still_shows_that_sign_in_is_off()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await host.Client.GetStringAsync("/applications");

        Assert.Contains("Sign-in is off (Cmf:Auth:Mode is Unsecured)", page, StringComparison.Ordinal);
    }
}
