using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.UnitTests.Dashboard;

public sealed class BreadcrumbsTests : DashboardTestContext
{
    private static readonly IReadOnlyList<Breadcrumb> Path =
        [Breadcrumb.ApplicationList, Breadcrumb.Environment("prod"), new Breadcrumb(HostileText.Script)];

    [Fact]
    public void Every_step_but_the_page_itself_links_up()
    {
        var cut = Render<Breadcrumbs>(p => p.Add(c => c.Items, Path));

        Assert.Equal(["/applications", "/applications?environment=prod"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HostileText.Script, cut.Find("[aria-current='page']").TextContent);
    }

    [Fact]
    public void Inside_a_portal_there_are_no_breadcrumbs()
    {
        var cut = Render<CascadingValue<EmbedMode>>(p => p
            .Add(c => c.Value, EmbedMode.Embedded)
            .AddChildContent<Breadcrumbs>(b => b.Add(c => c.Items, Path)));

        Assert.Empty(cut.FindAll("nav"));
    }
}
