using Bunit;
using Cmf.Core.Tracking;
using Cmf.Dashboard.Components.Pages;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Cmf.UnitTests.Dashboard;

public sealed class InstanceDeepLinkPageTests : PageTestContext
{
    private IRenderedComponent<InstanceDeepLink> RenderDeepLink(string uid, string query = "") =>
        RenderAt<InstanceDeepLink>($"/instances/{uid}{query}", p => p.Add(c => c.Uid, uid));

    [Fact]
    public async Task A_known_uid_goes_to_its_instance_page()
    {
        var app = Seed("staging", "payments");
        await app.DeployedAndRunningAsync();

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/instances/{app.InstanceUid(1)}");
        var cut = Render<InstanceDeepLink>(p => p.Add(c => c.Uid, app.InstanceUid(1)));

        cut.WaitForAssertion(() => Assert.Equal($"/environments/staging/applications/payments/instances/{app.InstanceUid(1)}", CurrentUrl), LiveTimeout);
    }

    [Fact]
    public async Task A_known_uid_opened_inside_a_portal_stays_embedded()
    {
        var app = Seed();
        await app.DeployedAndRunningAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/instances/{app.InstanceUid(1)}?embed=1");
        var cut = Render<CascadingValue<EmbedMode>>(p => p
            .Add(c => c.Value, EmbedMode.Embedded)
            .AddChildContent<InstanceDeepLink>(link => link.Add(c => c.Uid, app.InstanceUid(1))));

        cut.WaitForAssertion(() => Assert.EndsWith("?embed=1", CurrentUrl, StringComparison.Ordinal), LiveTimeout);
    }

    [Fact]
    public async Task An_unknown_uid_gets_a_not_found_page()
    {
        await Seed().DeployedAndRunningAsync();

        var cut = RenderDeepLink("11111111-2222-3333-4444-555555555555");

        Assert.Equal("Instance not found", cut.Find("h1").TextContent);
        Assert.Equal("HTTP 404", cut.Find(".missing-state__status").TextContent);
    }

    [Fact]
    public async Task A_pruned_uid_names_its_application_and_says_it_was_pruned()
    {
        var app = Seed(settings: new TrackerSettings(MaxInstancesPerApplication: 2));
        await app.DeployedAndRunningAsync();
        await app.SpecAsync("v2");
        var pruned = app.InstanceUid(2);
        await app.SpecAsync("v3");

        var cut = RenderDeepLink(pruned);

        Assert.Equal("Instance #2 was pruned", cut.Find("h1").TextContent);
        Assert.Equal("HTTP 410", cut.Find(".missing-state__status").TextContent);
        Assert.Equal("/environments/prod/applications/orders", cut.Find(".missing-state__body a").GetAttribute("href"));
    }
}
