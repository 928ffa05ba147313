using System.Net;
using System.Text;
using Cmf.Dashboard;
using Cmf.Dashboard.Api;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.Dashboard;

namespace Cmf.UnitTests.Api;

/// <summary>The attacks on the API's work with large specs as input: a 1.4 MB arg to diff, pages of hundreds of large specs.</summary>
public sealed class BoundedAnswersTests(LargeSpecDashboard dashboard) : IClassFixture<LargeSpecDashboard>
{
    private const string Instances = "/cmf/api/v1/environments/prod/applications/history/instances";
    private const string BulkApplications = "/cmf/api/v1/environments/bulk/applications";

    private static int Bytes(ApiAnswer answer) => Encoding.UTF8.GetByteCount(answer.Body);

    private static IReadOnlyList<string> Names(ApiAnswer answer) =>
        [.. answer.Json["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];

    private static (int Page, int Size) Pageable(ApiAnswer answer) =>
        (answer.Json["pageable"]!["page"]!.GetValue<int>(), answer.Json["pageable"]!["size"]!.GetValue<int>());

    [Fact]
    public async Task A_diff_of_a_1_4_MB_single_line_arg_is_422_with_the_too_large_message_and_both_spec_links()
    {
        var (from, to) = (dashboard.Huge.InstanceUid(1), dashboard.Huge.InstanceUid(2));

        var answer = await dashboard.Client.GetApiAsync(DashboardUrls.ApiDiffUrl("prod", "huge", from, to));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("RestError", answer.Body));
        Assert.Contains("too large to diff here", answer.FirstError, StringComparison.Ordinal);
        Assert.Contains(DashboardUrls.ApiInstanceSpecUrl(from), answer.FirstError, StringComparison.Ordinal);
        Assert.Contains(DashboardUrls.ApiInstanceSpecUrl(to), answer.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_spec_too_large_to_diff_downloads_whole_as_a_yaml_attachment()
    {
        var answer = await dashboard.Client.GetApiAsync(DashboardUrls.ApiInstanceSpecUrl(dashboard.Huge.InstanceUid(2)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/yaml", answer.ContentType);
        Assert.Equal("attachment", answer.Response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("prod-huge-2.yaml", answer.Response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(LongArg.Of(1_400_000), answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_of_100_large_specs_is_cut_to_the_byte_budget_and_says_which_page_it_is()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Instances}?size=100");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.InRange(Bytes(answer), 1, PageBudget.MaxBytes);
        var names = Names(answer);
        Assert.InRange(names.Count, 2, 99);
        Assert.Equal((0, names.Count), Pageable(answer));
        Assert.Equal(LargeSpecDashboard.HistoryInstances, answer.Json["metadata"]!["size"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(1, names.Count).Select(dashboard.History.InstanceUid), names);
    }

    [Fact]
    public async Task Walking_the_cut_pages_visits_every_instance_once_in_order_within_the_budget()
    {
        var names = new List<string>();
        var (page, size) = (0, 100);
        while (names.Count < LargeSpecDashboard.HistoryInstances)
        {
            var answer = await dashboard.Client.GetApiAsync($"{Instances}?page={page}&size={size}");
            Assert.InRange(Bytes(answer), 1, PageBudget.MaxBytes);
            var got = Names(answer);
            Assert.NotEmpty(got);
            names.AddRange(got);
            (page, size) = Pageable(answer);
            page++;
        }

        Assert.Equal(Enumerable.Range(1, LargeSpecDashboard.HistoryInstances).Select(dashboard.History.InstanceUid), names);
    }

    [Fact]
    public async Task A_cut_page_that_starts_mid_list_still_starts_there()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Instances}?page=1&size=50");

        var (page, size) = Pageable(answer);
        Assert.Equal(50, page * size);
        Assert.Equal(dashboard.History.InstanceUid(51), Names(answer)[0]);
        Assert.Equal(size, Names(answer).Count);
    }

    [Fact]
    public async Task The_same_page_in_yaml_stays_within_the_byte_budget()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Instances}?size=100", accept: "application/yaml");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.InRange(Bytes(answer), 1, PageBudget.MaxBytes);
        Assert.Contains("size: 100", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applications_page_of_large_specs_is_cut_to_the_byte_budget()
    {
        var answer = await dashboard.Client.GetApiAsync($"{BulkApplications}?size=100");

        Assert.InRange(Bytes(answer), 1, PageBudget.MaxBytes);
        Assert.InRange(Names(answer).Count, 2, LargeSpecDashboard.BulkApplications - 1);
        Assert.Equal(LargeSpecDashboard.BulkApplications, answer.Json["metadata"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Fields_that_leave_the_spec_out_fit_all_100_instances_in_one_page()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Instances}?size=100&fields=metadata.name,status.jobStatus");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(Enumerable.Range(1, LargeSpecDashboard.HistoryInstances).Select(dashboard.History.InstanceUid), Names(answer));
        Assert.All(answer.Json["items"]!.AsArray(), item => Assert.Null(item!["status"]!["spec"]));
        Assert.InRange(Bytes(answer), 1, 64 * 1024);
    }

    [Fact]
    public async Task Fields_that_leave_the_spec_out_of_an_applications_page_fit_every_application()
    {
        var answer = await dashboard.Client.GetApiAsync($"{BulkApplications}?size=100&fields=metadata,status");

        Assert.Equal(LargeSpecDashboard.BulkApplications, Names(answer).Count);
        Assert.All(answer.Json["items"]!.AsArray(), item => Assert.Null(item!["spec"]));
    }
}
