using Bunit;
using Cmf.Dashboard.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace Cmf.UnitTests.Dashboard;

public sealed class HistoryTableTests : DashboardTestContext
{
    private IRenderedComponent<HistoryTable<string>> RenderTable(IReadOnlyList<string> items, RenderFragment? empty = null) =>
        Render<HistoryTable<string>>(p => p
            .Add(c => c.Items, items)
            .Add(c => c.Header, b => b.AddMarkupContent(0, """<th scope="col">Name</th>"""))
            .Add(c => c.Row, item => b =>
            {
                b.OpenElement(0, "td");
                b.AddContent(1, item);
                b.CloseElement();
            })
            .Add(c => c.RowKey, item => item)
            .Add(c => c.RowAttributes, item => new Dictionary<string, object> { ["data-item"] = item })
            .Add(c => c.Empty, empty)
            .Add(c => c.Class, "things")
            .Add(c => c.TableClass, "things__table"));

    [Fact]
    public void Each_item_is_a_row_of_the_callers_cells_with_its_own_attributes()
    {
        var cut = RenderTable(["first", "<b>second</b>"]);

        var rows = cut.FindAll(".things .things__table tbody tr");
        Assert.Equal(["first", "<b>second</b>"], rows.Select(r => r.GetAttribute("data-item")));
        Assert.Equal("<b>second</b>", rows[1].QuerySelector("td")!.TextContent);
        Assert.Empty(cut.FindAll("tbody b"));
    }

    [Fact]
    public void The_header_cells_name_their_columns_for_screen_readers()
    {
        var cut = RenderTable(["first"]);

        Assert.Equal("col", cut.Find("thead tr th").GetAttribute("scope"));
    }

    [Fact]
    public void Without_rows_the_empty_state_replaces_the_table()
    {
        var cut = RenderTable([], b => b.AddMarkupContent(0, """<p class="nothing">Nothing yet</p>"""));

        Assert.Equal("Nothing yet", cut.Find(".nothing").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void Without_rows_or_an_empty_state_the_table_keeps_its_header()
    {
        var cut = RenderTable([]);

        Assert.Equal("Name", cut.Find("table thead th").TextContent);
        Assert.Empty(cut.FindAll("tbody tr"));
    }
}
