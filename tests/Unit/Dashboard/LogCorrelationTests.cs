using Bunit;
using Cmf.Core.Configuration;
using Cmf.Dashboard.Components.Controls;
using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmf.UnitTests.Dashboard;

public sealed class LogCorrelationTests : DashboardTestContext
{
    private const string Uid = "7e9f72bc-8f5a-5ace-8b2b-213a9bf4ab40";

    private void UseTemplate(string? template) =>
        Services.AddSingleton(Options.Create(new CmfOptions { Logging = new LoggingLinkOptions { LinkTemplate = template } }));

    private static Action<ComponentParameterCollectionBuilder<LogCorrelation>> Instance => p => p
        .Add(c => c.InstanceUid, Uid)
        .Add(c => c.Namespace, "flink prod")
        .Add(c => c.Application, "orders")
        .Add(c => c.From, Now.AddHours(-2))
        .Add(c => c.To, Now);

    [Fact]
    public void The_filter_names_the_instance_annotation_and_can_be_copied()
    {
        UseTemplate(null);

        var cut = Render(Instance);

        Assert.Equal($"platform.confluent.io/cmf-fa-instance == {Uid}", cut.Find("code").TextContent);
        Assert.Equal("Copy log filter", cut.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_link_escapes_each_value_it_puts_into_the_template()
    {
        UseTemplate("https://logs.example/?ns={namespace}&from={from}");

        var cut = Render(Instance);

        var link = cut.Find("a.log-correlation__link");
        Assert.Equal("https://logs.example/?ns=flink%20prod&from=2025-03-01T10%3A00%3A00Z", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
    }

    [Fact]
    public void A_template_that_is_not_an_http_link_gives_no_link()
    {
        UseTemplate("javascript:alert('{uid}')");

        var cut = Render(Instance);

        Assert.Empty(cut.FindAll(".log-correlation__link"));
    }

    [Fact]
    public void Inside_a_portal_the_link_out_is_plain_text()
    {
        UseTemplate("https://logs.example/?uid={uid}");

        var cut = Render<CascadingValue<EmbedMode>>(p => p
            .Add(c => c.Value, EmbedMode.Embedded)
            .AddChildContent(Instance));

        Assert.Empty(cut.FindAll("a"));
        Assert.Equal("SPAN", cut.Find(".log-correlation__link").TagName);
    }
}
