using Cmf.Core.Storage.Views;
using Bunit;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class SortHeaderTests : DashboardTestContext
{
    private IRenderedComponent<SortHeader> RenderHeader(ApplicationSort sort, ApplicationListFilter filter) =>
        Render<SortHeader>(p => p.Add(c => c.Label, "Instances").Add(c => c.Sort, sort).Add(c => c.Filter, filter));

    [Fact]
    public void An_unsorted_column_links_to_its_ascending_sort_on_the_first_page()
    {
        var cut = RenderHeader(ApplicationSort.InstanceCount, new ApplicationListFilter { Page = 4 });

        Assert.Equal("/applications?sort=instances", cut.Find("a").GetAttribute("href"));
        Assert.Equal("none", cut.Find("th").GetAttribute("aria-sort"));
    }

    [Fact]
    public void The_ascending_column_links_to_its_descending_sort()
    {
        var cut = RenderHeader(ApplicationSort.InstanceCount, new ApplicationListFilter { Sort = ApplicationSort.InstanceCount });

        Assert.Equal("/applications?sort=instances&desc=1", cut.Find("a").GetAttribute("href"));
        Assert.Equal("ascending", cut.Find("th").GetAttribute("aria-sort"));
    }

    [Fact]
    public void The_descending_column_links_back_to_ascending()
    {
        var cut = RenderHeader(ApplicationSort.InstanceCount, new ApplicationListFilter { Sort = ApplicationSort.InstanceCount, Descending = true });

        Assert.Equal("/applications?sort=instances", cut.Find("a").GetAttribute("href"));
        Assert.Equal("descending", cut.Find("th").GetAttribute("aria-sort"));
    }
}
