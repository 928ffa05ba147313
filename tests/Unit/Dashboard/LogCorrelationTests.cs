using System.Text.Json.Nodes;
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
        .Add(c => c.To, Now)
        .Add(c => c.PodsCarryInstanceAnnotation, true);

    private static Action<ComponentParameterCollectionBuilder<LogCorrelation>> MadeWithKubectl => MadeWithKubectlRunning((Now.AddHours(-2).AddMinutes(1), Now.AddHours(-1)));

    private static Action<ComponentParameterCollectionBuilder<LogCorrelation>> MadeWithKubectlRunning(
        (DateTimeOffset, DateTimeOffset?)? clustersRan, string application = "orders") => p => p
        .Add(c => c.InstanceUid, Uid)
        .Add(c => c.Namespace, "flink-prod")
        .Add(c => c.Application, application)
        .Add(c => c.From, Now.AddHours(-2))
        .Add(c => c.To, Now)
        .Add(c => c.ClustersRan, clustersRan);

    [Fact]
    public void The_filter_of_a_cmf_managed_instance_names_the_instance_annotation_and_can_be_copied()
    {
        UseTemplate(null);

        var cut = Render(Instance);

        Assert.Equal($"platform.confluent.io/cmf-fa-instance == {Uid}", cut.Find(".log-correlation__filter code").TextContent);
        Assert.Equal("Copy log filter", cut.Find("button").GetAttribute("aria-label"));
        Assert.Contains("Every pod of this instance carries the annotation", cut.Find(".log-correlation__hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_made_with_kubectl_never_claims_its_pods_carry_the_annotation()
    {
        UseTemplate(null);

        var cut = Render(MadeWithKubectl);

        Assert.Empty(cut.FindAll(".log-correlation__filter"));
        Assert.DoesNotContain("Every pod of this instance carries", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("the dashboard's own, derived from the FlinkDeployment's UID and generation", cut.Find(".log-correlation__hint").TextContent, StringComparison.Ordinal);
        Assert.Contains("no pod carries it", cut.Find(".log-correlation__hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_made_with_kubectl_offers_the_operators_pod_labels_and_the_time_its_clusters_ran_it()
    {
        UseTemplate(null);

        var cut = Render(MadeWithKubectl);

        Assert.Equal(["flink-prod", "app=orders,component=jobmanager", "app=orders,component=taskmanager"],
            cut.FindAll(".log-correlation__selectors code").Select(c => c.TextContent));
        Assert.Equal("2025-03-01T10:01:00Z to 2025-03-01T11:00:00Z", cut.Find(".log-correlation__range").TextContent);
    }

    [Fact]
    public void An_instance_no_cluster_ran_has_no_pod_logs()
    {
        UseTemplate(null);

        var cut = Render(MadeWithKubectlRunning(null));

        Assert.Equal("no cluster ran this instance: it has no pod logs", cut.Find(".log-correlation__range").TextContent);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_hostile_application_name_in_the_pod_selectors_is_shown_as_text(string hostile)
    {
        UseTemplate(null);

        var cut = Render(MadeWithKubectlRunning((Now.AddHours(-1), null), hostile));

        Assert.Empty(cut.FindAll("script, img"));
        Assert.Equal($"app={hostile},component=jobmanager", cut.FindAll(".log-correlation__selectors code")[1].TextContent);
    }

    public static TheoryData<string> HostileTexts => HostileText.All;

    [Fact]
    public void A_spec_carries_the_instance_annotation_only_with_this_instances_uid()
    {
        var spec = new JsonObject
        {
            ["podTemplate"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["platform.confluent.io/cmf-fa-instance"] = Uid } },
            },
        }.ToJsonString();

        Assert.True(LogCorrelation.CarriesInstanceAnnotation(spec, Uid));
        Assert.False(LogCorrelation.CarriesInstanceAnnotation(spec, "11111111-2222-3333-4444-555555555555"));
        Assert.False(LogCorrelation.CarriesInstanceAnnotation("""{"image":"flink:1.20"}""", Uid));
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
