using System.Net;
using Cmf.Dashboard;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.Dashboard;

namespace Cmf.UnitTests.Api;

/// <summary>The attacks on the API's work with large specs as input: a 1.4 MB arg to diff.</summary>
public sealed class BoundedAnswersTests(LargeSpecDashboard dashboard) : IClassFixture<LargeSpecDashboard>
{
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
}
