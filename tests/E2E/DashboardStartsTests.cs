namespace Cmf.E2ETests;

[Collection(JourneyCollection.Name)]
public sealed class DashboardStartsTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_printed_url_renders_the_application_list_in_chromium()
    {
        await using var dashboard = await DashboardProcess.StartAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(dashboard.BaseUrl.ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("dashboard-starts");
    }
}
