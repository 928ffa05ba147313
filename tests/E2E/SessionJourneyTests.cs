using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// Token mode in real Chromium: the token goes in through the form (never the address), the layout offers Sign out,
/// and signing out in one tab ends the live page of the same session in another tab: its circuit drops the page and
/// the tab says it is signed out; its way back in is the sign-in form.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed partial class SessionJourneyTests(BrowserFixture browser)
{
    private const string Token = "e2e-access-token-q8RZ0vN3xWb5Lk2TyHc7";

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_live_page_of_the_same_session_in_another()
    {
        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:Auth:Mode"] = "Token",
            ["Cmf:Auth:Token"] = Token,
            ["Cmf:Cluster:Mode"] = "None",
        });
        await using var context = await browser.NewContextAsync();
        var first = await context.NewPageAsync();
        await first.GotoAsync(dashboard.Url("/environments"));
        await first.GetByLabel("Access token").FillAsync(Token);
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await first.WaitForURLAsync(EnvironmentsPage());
        await first.MainFrame.WaitForCircuitAsync();
        var second = await context.NewPageAsync();
        await second.OpenAsync(dashboard.Url("/applications"));

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
        await second.SaveScreenshotAsync("session-signed-out-elsewhere");
        await second.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await Expect(second).ToHaveURLAsync(SignInForApplications());
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/environments$")]
    private static partial Regex EnvironmentsPage();

    [GeneratedRegex(@"/login\?returnUrl=%2Fapplications$")]
    private static partial Regex SignInForApplications();
}
