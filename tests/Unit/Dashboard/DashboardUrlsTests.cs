using Cmf.Core.Storage.Views;
using Cmf.Core.Model;
using Cmf.Dashboard;
using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class DashboardUrlsTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_application_list_has_no_query()
    {
        Assert.Equal("/applications", DashboardUrls.ApplicationsUrl());
    }

    [Fact]
    public void An_application_list_filter_survives_a_round_trip_through_its_url()
    {
        var filter = new ApplicationListFilter
        {
            Environment = "prod eu",
            JobStates = [JobState.Running, JobState.Failed],
            Search = "orders & payments",
            Sort = ApplicationSort.LastChange,
            Descending = true,
            Page = 3,
        };

        var url = DashboardUrls.ApplicationsUrl(filter);

        Assert.Equal(filter, PageQuery.ApplicationListFilter(url));
    }

    [Fact]
    public void Job_states_are_written_with_the_operators_spelling()
    {
        var url = DashboardUrls.ApplicationsUrl(new ApplicationListFilter { JobStates = [JobState.Running, JobState.Reconciling] });

        Assert.Equal("/applications?state=RUNNING&state=RECONCILING", url);
    }

    [Fact]
    public void A_garbled_list_query_falls_back_to_defaults()
    {
        var filter = PageQuery.ApplicationListFilter("/applications?page=-3&sort=nonsense&state=BANANA&desc=maybe");

        Assert.Equal(ApplicationListFilter.Default, filter);
    }

    [Fact]
    public void Comma_separated_states_are_read_like_repeated_ones()
    {
        var filter = PageQuery.ApplicationListFilter("/applications?state=running,FAILED");

        Assert.Equal([JobState.Running, JobState.Failed], filter.JobStates);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Hostile_names_become_one_escaped_path_segment(string name)
    {
        var url = DashboardUrls.InstanceUrl(name, name, name);

        var segments = url.Split('/');
        Assert.Equal(7, segments.Length);
        Assert.Equal(name, Uri.UnescapeDataString(segments[2]));
        Assert.Equal(name, Uri.UnescapeDataString(segments[4]));
        Assert.Equal(name, Uri.UnescapeDataString(segments[6]));
        Assert.DoesNotContain('<', url);
        Assert.DoesNotContain('"', url);
        Assert.DoesNotContain(' ', url);
    }

    public static TheoryData<string> HostileNames => HostileText.All;

    [Fact]
    public void A_name_with_a_slash_cannot_climb_out_of_its_segment()
    {
        Assert.Equal("/instances/..%2F..%2Fadmin", DashboardUrls.InstanceDeepLinkUrl(HostileText.DotDotSlash));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_segment_of_only_dots_is_refused_because_browsers_collapse_it(string name)
    {
        Assert.Throws<ArgumentException>(() => DashboardUrls.ApplicationUrl("prod", name));
    }

    [Fact]
    public void Right_to_left_and_emoji_are_percent_encoded_as_utf8()
    {
        var url = DashboardUrls.InstanceDeepLinkUrl("a\u202Eb🚀");

        Assert.Equal("/instances/a%E2%80%AEb%F0%9F%9A%80", url);
    }

    [Fact]
    public void The_application_page_keeps_its_tab_and_zoom_window()
    {
        var url = DashboardUrls.ApplicationUrl("prod", "orders", ApplicationTab.Timeline, TimelineWindow.LastDuration(TimeSpan.FromHours(6)));

        Assert.Equal("/environments/prod/applications/orders?tab=timeline&window=6h", url);
        Assert.Equal(new ApplicationView(ApplicationTab.Timeline, TimelineWindow.LastDuration(TimeSpan.FromHours(6))), PageQuery.ApplicationView(url));
    }

    [Fact]
    public void A_fixed_timeline_range_survives_a_round_trip_through_its_url()
    {
        var range = new TimelineRange(Noon, Noon.AddMinutes(90));

        var url = DashboardUrls.ApplicationUrl("prod", "orders", ApplicationTab.Instances, TimelineWindow.Range(range));

        Assert.Equal("/environments/prod/applications/orders?tab=instances&from=2025-03-01T12%3A00%3A00Z&to=2025-03-01T13%3A30%3A00Z", url);
        var view = PageQuery.ApplicationView(url);
        Assert.Equal(ApplicationTab.Instances, view.Tab);
        Assert.Equal(range, view.Window.Between);
    }

    [Theory]
    [InlineData("?from=2025-03-01T13:00:00Z&to=2025-03-01T12:00:00Z")]
    [InlineData("?window=0h")]
    [InlineData("?window=12x")]
    [InlineData("?tab=<script>")]
    public void A_bad_application_view_query_shows_the_whole_timeline(string query)
    {
        var view = PageQuery.ApplicationView("/environments/prod/applications/orders" + query);

        Assert.Equal(ApplicationView.Default, view);
    }

    [Fact]
    public void The_diff_url_carries_both_instances_and_its_options()
    {
        var url = DashboardUrls.DiffUrl("prod", "orders", "uid-1", "uid-2", inline: true, hideInstanceAnnotation: true);

        Assert.Equal("/environments/prod/applications/orders/diff?from=uid-1&to=uid-2&inline=1&hideAnnotation=1", url);
        Assert.Equal(new InstanceDiffView("uid-1", "uid-2", Inline: true, HideInstanceAnnotation: true), PageQuery.InstanceDiffView(url));
    }

    public static TheoryData<string> PageUrlsInEmbedMode => new()
    {
        DashboardUrls.ApplicationsUrl(new ApplicationListFilter { Search = "x" }, embed: true),
        DashboardUrls.EnvironmentsUrl(embed: true),
        DashboardUrls.ApplicationUrl("prod", "orders", ApplicationTab.Spec, embed: true),
        DashboardUrls.InstanceUrl("prod", "orders", "uid-1", embed: true),
        DashboardUrls.InstanceDeepLinkUrl("uid-1", embed: true),
        DashboardUrls.DiffUrl("prod", "orders", "uid-1", "uid-2", embed: true),
        DashboardUrls.GalleryUrl(embed: true),
    };

    [Theory]
    [MemberData(nameof(PageUrlsInEmbedMode))]
    public void Every_page_url_built_in_embed_mode_stays_embedded(string url)
    {
        Assert.True(EmbedUrl.IsEmbedded(url));
    }

    [Fact]
    public void Page_urls_outside_embed_mode_carry_no_embed_flag()
    {
        Assert.False(EmbedUrl.IsEmbedded(DashboardUrls.InstanceUrl("prod", "orders", "uid-1")));
    }

    [Theory]
    [InlineData("/applications", "/applications?embed=1")]
    [InlineData("/applications?page=2", "/applications?page=2&embed=1")]
    [InlineData("/applications?page=2#top", "/applications?page=2&embed=1#top")]
    [InlineData("/applications?embed=1", "/applications?embed=1")]
    public void With_embed_adds_the_flag_once_before_any_fragment(string url, string expected)
    {
        Assert.Equal(expected, EmbedUrl.With(url, embed: true));
    }

    [Theory]
    [InlineData("/applications", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\n/evil.example", false)]
    [InlineData("/\r\n//evil.example", false)]
    public void Only_site_absolute_paths_count_as_in_app_links(string url, bool inApp)
    {
        Assert.Equal(inApp, LocalUrl.IsInApp(url));
    }

    [Fact]
    public void The_cmf_api_path_of_an_instance_follows_cmf()
    {
        Assert.Equal("/cmf/api/v1/environments/prod/applications/orders/instances/uid-1",
            DashboardUrls.CmfApiInstanceUrl("prod", "orders", "uid-1"));
    }

    [Fact]
    public void The_extension_api_paths_hang_below_api_v1()
    {
        Assert.Equal("/api/v1/instances/uid-1", DashboardUrls.ApiInstanceUrl("uid-1"));
        Assert.Equal("/api/v1/environments/prod/applications/orders/diff?from=a&to=b", DashboardUrls.ApiDiffUrl("prod", "orders", "a", "b"));
        Assert.Equal("/api/v1/environments/prod/applications/orders/clusters", DashboardUrls.ApiClustersUrl("prod", "orders"));
        Assert.Equal("/api/v1/environments/prod/applications/orders/timeline?from=2025-03-01T12%3A00%3A00Z&to=2025-03-01T13%3A00%3A00Z",
            DashboardUrls.ApiTimelineUrl("prod", "orders", new TimelineRange(Noon, Noon.AddHours(1))));
    }

    [Fact]
    public void The_log_link_template_gets_every_placeholder_url_encoded()
    {
        var values = new LogLinkValues("uid 1", "team&ns", HostileText.Script, Noon, Noon.AddHours(1));

        var url = LogLinkTemplate.Expand("https://logs.example/search?q={uid}&ns={namespace}&app={app}&from={from}&to={to}", values);

        Assert.Equal("https://logs.example/search?q=uid%201&ns=team%26ns&app=%3Cscript%3Ealert%281%29%3C%2Fscript%3E&from=2025-03-01T12%3A00%3A00Z&to=2025-03-01T13%3A00%3A00Z", url);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert('{uid}')")]
    [InlineData("/relative/{uid}")]
    public void A_log_link_is_offered_only_for_an_absolute_http_template(string? template)
    {
        Assert.Null(LogLinkTemplate.Expand(template, new LogLinkValues("u", "n", "a", Noon, Noon)));
    }

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(15 * 60, "15m")]
    [InlineData(6 * 3600, "6h")]
    [InlineData(7 * 86400, "7d")]
    public void Durations_use_the_largest_exact_unit(int seconds, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(DurationText.TryParse(text, out var parsed));
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed);
    }
}
