using Bunit;
using Cmf.Core.Model;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Dashboard;

/// <summary>
/// The list's row markup is drawn once per summary record and shared by every list showing it; what depends on the
/// clock or on embed mode still follows them.
/// </summary>
public sealed class ApplicationRowMarkupTests : DashboardTestContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    public ApplicationRowMarkupTests() => Services.AddSingleton<TimeProvider>(_clock);

    private ApplicationRowMarkup RowMarkup => Services.GetRequiredService<ApplicationRowMarkup>();

    private static ApplicationSummary Orders(string name = "orders") => new()
    {
        Key = new ApplicationKey("prod", name),
        Namespace = "prod-ns",
        JobState = JobState.Running,
        LifecycleState = LifecycleState.Stable,
        CurrentInstance = new InstanceReference("uid-1", 1),
        LatestInstance = new InstanceReference("uid-1", 1),
        InstanceCount = 1,
        LastChangeAt = Start.AddMinutes(-5),
    };

    private IRenderedComponent<ApplicationTable> RenderTable(IReadOnlyList<ApplicationSummary> rows, EmbedMode? embed = null) =>
        Render<ApplicationTable>(p =>
        {
            p.Add(c => c.Applications, rows).Add(c => c.Filter, ApplicationListFilter.Default);
            if (embed is not null)
            {
                p.AddCascadingValue(embed);
            }
        });

    [Fact]
    public void A_second_list_showing_the_same_rows_finds_their_cells_drawn()
    {
        var orders = Orders();
        var first = RenderTable([orders]);

        var second = RenderTable([orders]);

        second.MarkupMatches(first.Markup);
        RenderFragment drawAgain = _ => throw new InvalidOperationException("the row was drawn again");
        Assert.Contains(">orders<", RowMarkup.For(orders, embed: null).Names(drawAgain).Value, StringComparison.Ordinal);
        Assert.Contains("RUNNING", RowMarkup.For(orders, embed: null).States(drawAgain).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_change_moves_on_with_the_clock_although_the_row_is_the_same_record()
    {
        var orders = Orders();
        var cut = RenderTable([orders]);
        Assert.Equal("5 min ago", cut.Find("time.relative-time").TextContent);

        _clock.Advance(TimeSpan.FromMinutes(10));
        cut.Render();

        Assert.Equal("15 min ago", cut.Find("time.relative-time").TextContent);
    }

    [Fact]
    public void A_changed_summary_is_drawn_afresh()
    {
        var orders = Orders();
        var cut = RenderTable([orders]);

        cut.Render(p => p.Add(c => c.Applications, [orders with { JobState = JobState.Failed, InstanceCount = 2 }]));

        var cells = cut.FindAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("FAILED", cells[2]);
        Assert.Equal("2", cells[6]);
    }

    [Fact]
    public void An_embedded_list_keeps_embed_on_its_links_although_a_standalone_list_drew_the_same_rows()
    {
        var orders = Orders();
        var standalone = RenderTable([orders]);

        var embedded = RenderTable([orders], EmbedMode.Embedded);

        Assert.Equal("/environments/prod/applications/orders", standalone.Find(".application-table__name a").GetAttribute("href"));
        Assert.Equal("/environments/prod/applications/orders?embed=1", embedded.Find(".application-table__name a").GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_name_drawn_once_and_shared_stays_text(string name)
    {
        var hostile = Orders(name);
        RenderTable([hostile]);

        var second = RenderTable([hostile]);

        Assert.Equal(name, second.Find(".application-table__name bdi").TextContent);
        Assert.Empty(second.FindAll("script"));
        Assert.Empty(second.FindAll("img"));
    }

    public static TheoryData<string> HostileNames => HostileText.All;

    [Fact]
    public void A_group_is_drawn_once_and_handed_out_as_the_same_string()
    {
        var cells = new ApplicationRowCells();
        var draws = 0;
        RenderFragment names = b => { draws++; b.AddContent(0, "orders"); };

        var first = cells.Names(names).Value;
        var second = cells.Names(names).Value;

        Assert.Same(first, second);
        Assert.Equal(1, draws);
    }

    [Fact]
    public void A_clocked_group_is_drawn_again_only_when_its_text_changes()
    {
        var cells = new ApplicationRowCells();
        var draws = 0;
        RenderFragment Time(string text) => b => { draws++; b.AddContent(0, text); };

        var first = cells.Changes("5 min ago", Time("5 min ago")).Value;
        var same = cells.Changes("5 min ago", Time("5 min ago")).Value;
        var later = cells.Changes("6 min ago", Time("6 min ago")).Value;

        Assert.Same(first, same);
        Assert.Equal("6 min ago", later);
        Assert.Equal(2, draws);
    }
}
