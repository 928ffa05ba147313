using Cmf.Core.Storage.Views;
using Bunit;
using Cmf.Core.Model;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using MudBlazor;

namespace Cmf.UnitTests.Dashboard;

public sealed class ApplicationListToolbarTests : DashboardTestContext
{
    private ApplicationListFilter? _reported;

    private IRenderedComponent<ApplicationListToolbar> RenderToolbar(ApplicationListFilter filter) =>
        Render<ApplicationListToolbar>(p => p
            .Add(c => c.Filter, filter)
            .Add(c => c.Environments, ["prod", "staging"])
            .Add(c => c.FilterChanged, f => _reported = f));

    [Fact]
    public async Task Choosing_an_environment_reports_it_in_the_filter()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("staging"));

        Assert.Equal("staging", _reported?.Environment);
    }

    [Fact]
    public async Task Choosing_all_environments_clears_the_environment()
    {
        var cut = RenderToolbar(new ApplicationListFilter { Environment = "prod" });

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(""));

        Assert.Null(_reported?.Environment);
    }

    [Fact]
    public async Task Choosing_job_states_reports_them_in_a_stable_order()
    {
        var cut = RenderToolbar(ApplicationListFilter.Default);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<JobState>>().Instance.SelectedValuesChanged.InvokeAsync([JobState.Failed, JobState.Running]));

        Assert.Equal([JobState.Running, JobState.Failed], _reported?.JobStates);
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
