using Cmf.Core.Specs;
using Cmf.Core.Storage.Views;
using Cmf.Dashboard;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace Cmf.UnitTests.Dashboard;

/// <summary>The changes list's URLs: built in one place, read back to the same view, and the diff's way back to them.</summary>
public sealed class ChangeListUrlsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_changes_list_has_no_query()
    {
        Assert.Equal("/changes", DashboardUrls.ChangesUrl());
    }

    [Fact]
    public void A_changes_filter_survives_a_round_trip_through_its_url()
    {
        var filter = new ChangeListFilter
        {
            Window = TimeSpan.FromDays(7),
            Environment = "prod eu",
            Application = "orders & payments",
            Fields = SpecChangeKinds.Image | SpecChangeKinds.Configuration,
            ConfigurationKey = "taskmanager.numberOfTaskSlots",
            Outcome = ChangeOutcome.Blocked,
            Before = new ChangeCursor(Noon, 42),
        };

        var url = DashboardUrls.ChangesUrl(filter);

        Assert.Equal(
            "/changes?window=7d&environment=prod%20eu&application=orders%20%26%20payments&field=image&field=configuration"
            + "&key=taskmanager.numberOfTaskSlots&outcome=blocked&before=1772366400000.42", url);
        Assert.Equal(filter, PageQuery.ChangeListFilter(url));
    }

    [Fact]
    public void A_range_survives_a_round_trip_and_replaces_the_window()
    {
        var filter = new ChangeListFilter { From = Noon, To = Noon.AddHours(2) };

        var url = DashboardUrls.ChangesUrl(filter, embed: true);

        Assert.Equal("/changes?from=2026-03-01T12%3A00%3A00Z&to=2026-03-01T14%3A00%3A00Z&embed=1", url);
        Assert.Equal(filter, PageQuery.ChangeListFilter(url));
    }

    [Fact]
    public void Fields_may_also_come_comma_separated()
    {
        var filter = PageQuery.ChangeListFilter("/changes?field=image,parallelism&field=resources");

        Assert.Equal(SpecChangeKinds.Image | SpecChangeKinds.Parallelism | SpecChangeKinds.Resources, filter.Fields);
    }

    [Theory]
    [InlineData("/changes?window=forever")]
    [InlineData("/changes?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")]
    [InlineData("/changes?field=colour&outcome=exploded&before=x")]
    [InlineData("/changes?to=2026-03-01T00:00:00Z")]
    public void The_page_ignores_what_does_not_parse(string url)
    {
        Assert.Equal(ChangeListFilter.Default, PageQuery.ChangeListFilter(url));
    }

    [Fact]
    public void Errors_name_every_bad_parameter()
    {
        ChangeListFilterReader.Read(QueryHelpers.ParseQuery("?field=colour&outcome=exploded&size=0"), out var errors, out var size);

        Assert.Equal(3, errors.Count);
        Assert.Null(size);
    }

    [Fact]
    public void A_diff_opened_from_the_changes_list_carries_the_way_back()
    {
        var back = DashboardUrls.ChangesUrl(new ChangeListFilter { Environment = "prod", Outcome = ChangeOutcome.Pending });

        var diff = DashboardUrls.DiffUrl("prod", "orders", "uid-1", "uid-2", backToChanges: back);

        Assert.Equal("/environments/prod/applications/orders/diff?from=uid-1&to=uid-2&back=%2Fchanges%3Fenvironment%3Dprod%26outcome%3Dpending", diff);
        Assert.Equal(back, PageQuery.InstanceDiffView(diff).BackToChanges);
    }

    [Theory]
    [InlineData("https://evil.example/changes")]
    [InlineData("//evil.example/changes")]
    [InlineData("/applications")]
    [InlineData("/changes/../admin")]
    [InlineData("javascript:alert(1)")]
    public void The_way_back_only_ever_leads_to_the_changes_list(string back)
    {
        var diff = DashboardUrls.DiffUrl("prod", "orders", "uid-1", "uid-2", backToChanges: back);
        var forged = $"/environments/prod/applications/orders/diff?from=uid-1&to=uid-2&back={Uri.EscapeDataString(back)}";

        Assert.DoesNotContain("back=", diff, StringComparison.Ordinal);
        Assert.Null(PageQuery.InstanceDiffView(forged).BackToChanges);
    }

    [Fact]
    public void The_api_url_takes_the_same_parameters_and_the_page_size()
    {
        var url = DashboardUrls.ApiChangesUrl(new ChangeListFilter { Fields = SpecChangeKinds.FlinkVersion }, size: 10);

        Assert.Equal("/api/v1/changes?field=flink-version&size=10", url);
    }
}
