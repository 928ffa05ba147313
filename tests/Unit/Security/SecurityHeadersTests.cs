using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Security;

/// <summary>Headers as a browser receives them on a real page (GET /applications) from the real server.</summary>
public sealed class SecurityHeadersTests
{
    private const string Portal = "http://127.0.0.1:4711";

    [Fact]
    public async Task Without_portals_a_page_may_be_framed_by_its_own_origin_only()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await host.Client.GetAsync("/applications");

        Assert.Equal("SAMEORIGIN", Single(page, "X-Frame-Options"));
        var policies = Policies(page);
        Assert.Contains(policies, p => p == "frame-ancestors 'self'");
        Assert.All(policies, p => Assert.Equal("frame-ancestors 'self'", Directive(p, "frame-ancestors")));
    }

    [Fact]
    public async Task With_a_portal_a_page_may_be_framed_by_it_and_sends_no_x_frame_options()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?> { ["Cmf:Embedding:FrameAncestors:0"] = Portal });

        var page = await host.Client.GetAsync("/applications?embed=1");

        Assert.False(page.Headers.Contains("X-Frame-Options"));
        var policies = Policies(page);
        Assert.True(policies.Count >= 2, "Blazor's frame-ancestors policy and ours");
        Assert.All(policies, p => Assert.Equal($"frame-ancestors 'self' {Portal}", Directive(p, "frame-ancestors")));
    }

    [Fact]
    public async Task A_page_allows_no_inline_script_but_its_import_map_by_hash()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await host.Client.GetAsync("/applications");

        var scripts = Policies(page).Select(p => Directive(p, "script-src")).Single(d => d is not null)!;
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
        Assert.Matches(@"^script-src 'self' 'sha256-[A-Za-z0-9+/]+={0,2}'$", scripts);
        Assert.Contains("<script type=\"importmap\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/applications")]
    [InlineData("/cmf/api/v1/environments")]
    [InlineData("/healthz")]
    public async Task Every_answer_forbids_sniffing_and_referrers(string path)
    {
        await using var host = await DashboardHost.StartAsync();

        var answer = await host.Client.GetAsync(path);

        Assert.Equal("nosniff", Single(answer, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(answer, "Referrer-Policy"));
    }

    private static string Single(HttpResponseMessage response, string header) => Assert.Single(response.Headers.GetValues(header));

    private static List<string> Policies(HttpResponseMessage response) => [.. response.Headers.GetValues("Content-Security-Policy")];

    private static string? Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
