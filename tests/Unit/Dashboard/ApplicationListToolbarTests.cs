using Cmf.Core.Storage.Views;
using Bunit;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cmf.UnitTests.Dashboard;

public sealed class ApplicationListToolbarTests : DashboardTestContext
{
    private readonly FakeTimeProvider _time = new(Now);
    private ApplicationListFilter? _reported;
    private readonly List<string?> _searches = [];

    public ApplicationListToolbarTests() => Services.AddSingleton<TimeProvider>(_time);

    private IRenderedComponent<ApplicationListToolbar> RenderToolbar(ApplicationListFilter filter, IReadOnlyList<string>? environments = null) =>
        Render<ApplicationListToolbar>(p => p
            .Add(c => c.Filter, filter)
            .Add(c => c.Environments, environments ?? ["prod", "staging"])
            .Add(c => c.FilterChanged, f => _reported = f)
            .Add(c => c.SearchChanged, s => _searches.Add(s)));

    [Fact]
    public void Choosing_an_environment_reports_it_in_the_filter()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);

        cut.Find("select#application-toolbar-environment").Change("staging");

        Assert.Equal("staging", _reported?.Environment);
    }

    [Fact]
    public void Choosing_all_environments_clears_the_environment()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Environment = "prod" });

        cut.Find("select#application-toolbar-environment").Change("");

        Assert.Null(_reported?.Environment);
    }

    [Fact]
    public void The_environment_in_the_filter_is_the_selected_option_even_without_applications()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Environment = "qa" });

        var selected = cut.FindAll("select#application-toolbar-environment option").Where(o => o.HasAttribute("selected")).ToList();

        Assert.Equal(["qa"], selected.Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void The_controls_are_named_by_their_labels()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);

        Assert.Equal("Search", cut.Find("label[for=application-toolbar-search]").TextContent);
        Assert.Equal("Environment", cut.Find("label[for=application-toolbar-environment]").TextContent);
        Assert.Equal("search", cut.Find("#application-toolbar-search").GetAttribute("type"));
        Assert.Equal(ApplicationListFilter.MaxSearchLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("#application-toolbar-search").GetAttribute("maxlength"));
        Assert.StartsWith("Job state", cut.Find("details summary").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_environment_name_is_shown_as_text()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var cut = RenderToolbar(ApplicationListFilter.Default, [hostile]);

        var option = cut.FindAll("select#application-toolbar-environment option").Single(o => o.GetAttribute("value") == hostile);

        Assert.Equal(hostile, option.TextContent);
        Assert.Empty(cut.FindAll("img"));
    }

    [Fact]
    public void Choosing_job_states_reports_them_in_a_stable_order()
    {
        var cut = RenderToolbar(new ApplicationListFilter { JobStates = [JobState.Failed] });

        cut.Find("input[type=checkbox][value=RUNNING]").Change(true);

        Assert.Equal([JobState.Running, JobState.Failed], _reported?.JobStates);
    }

    [Fact]
    public void Unticking_a_job_state_removes_it_from_the_filter()
    {
        var cut = RenderToolbar(new ApplicationListFilter { JobStates = [JobState.Running, JobState.Failed] });

        cut.Find("input[type=checkbox][value=FAILED]").Change(false);

        Assert.Equal([JobState.Running], _reported?.JobStates);
    }

    [Fact]
    public void The_job_state_control_shows_the_chosen_states_and_ticks_them()
    {
        var cut = RenderToolbar(new ApplicationListFilter { JobStates = [JobState.Running, JobState.Failed] });

        Assert.Equal("RUNNING, FAILED", cut.Find(".application-toolbar__chosen").TextContent);
        Assert.Equal(["FAILED", "RUNNING"], cut.FindAll("input[type=checkbox]").Where(i => i.HasAttribute("checked")).Select(i => i.GetAttribute("value")).Order());
    }

    [Fact]
    public void The_search_is_reported_once_typing_pauses()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);
        var search = cut.Find("#application-toolbar-search");

        search.Input("pay");
        search.Input("payments ");
        _time.Advance(ApplicationListToolbar.SearchPause - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_searches);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        cut.WaitForAssertion(() => Assert.Equal(["payments"], _searches));
    }

    [Fact]
    public void Clearing_the_search_reports_no_search()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Search = "ord" });

        cut.Find("button[aria-label='Clear search']").Click();
        _time.Advance(ApplicationListToolbar.SearchPause);

        cut.WaitForAssertion(() => Assert.Equal([null], _searches));
        Assert.Equal("", cut.Find("#application-toolbar-search").GetAttribute("value"));
    }

    [Fact]
    public void The_search_box_shows_the_search_of_the_url()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Search = "orders" });

        Assert.Equal("orders", cut.Find("#application-toolbar-search").GetAttribute("value"));
    }

    [Fact]
    public void The_toolbar_does_not_render_again_when_the_page_passes_the_same_filter()
    {
        var filter = new ApplicationListFilter { Environment = "prod" };
        var cut = RenderToolbar(filter);
        var renders = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Filter, filter with { }).Add(c => c.Environments, ["prod", "staging"]));
        Assert.Equal(renders, cut.RenderCount);

        cut.Render(p => p.Add(c => c.Filter, filter with { Environment = "staging" }));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public void Clearing_the_filters_keeps_the_sort()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Environment = "prod", Search = "ord", Sort = ApplicationSort.LastChange, Descending = true });

        cut.FindAll("button").Single(b => b.TextContent.Contains("Clear filters", StringComparison.Ordinal)).Click();

        Assert.Equal(new ApplicationListFilter { Sort = ApplicationSort.LastChange, Descending = true }, _reported);
    }

    [Fact]
    public void Without_filters_there_is_nothing_to_clear()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);

        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Clear filters", StringComparison.Ordinal));
    }
}
