using Microsoft.Playwright;

namespace Cmf.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardStartsTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_printed_url_renders_the_application_list_in_chromium()
    {
        await using var dashboard = await DashboardProcess.StartAsync();
        var page = await browser.Browser.NewPageAsync();

        var response = await page.GotoAsync(dashboard.BaseUrl.ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Applications" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.ArtefactDirectory, "dashboard-starts.png") });
    }
}
