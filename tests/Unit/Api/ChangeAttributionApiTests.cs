using System.Net;
using Cmf.Core.Attribution;
using Cmf.Core.Model;
using Cmf.Dashboard.Api;
using Cmf.UnitTests.Api.Support;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Api;

/// <summary>Who changed the spec, on both instance resources: /api/v1 as fields, CMF as annotations its schema allows.</summary>
public sealed class ChangeAttributionApiTests
{
    private static readonly DateTimeOffset PatchedAt = new(2026, 3, 1, 12, 0, 5, TimeSpan.Zero);

    private static async Task<(DashboardHost Host, SeededApplication App)> StartAsync()
    {
        var host = await DashboardHost.StartAsync();
        await host.Store.UpsertEnvironmentsAsync([new EnvironmentInfo("prod", "prod")], CancellationToken.None);
        var app = new SeededApplication(host.Store, new ApplicationKey("prod", "orders"), "prod");
        await app.SpecAsync("v1");
        await app.SpecAsync("v2", new ChangeAttribution { ChangedBy = "kubectl-patch", ChangedAt = PatchedAt, ChangeOrigin = "Argo CD application payments" });
        return (host, app);
    }

    [Fact]
    public async Task The_extension_instance_resource_carries_the_manager_its_time_and_origin_and_validates_against_its_document()
    {
        var (host, app) = await StartAsync();
        await using var _ = host;

        var answer = await host.Client.GetApiAsync($"/api/v1/instances/{app.InstanceUid(2)}");
        var unattributed = (await host.Client.GetApiAsync($"/api/v1/instances/{app.InstanceUid(1)}")).Json;

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("kubectl-patch", answer.Json["changedBy"]!.GetValue<string>());
        Assert.Equal(PatchedAt, answer.Json["changedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Argo CD application payments", answer.Json["changeOrigin"]!.GetValue<string>());
        Assert.Null(unattributed["changedBy"]);
        var document = OpenApiSchemas.FromJson((await host.Client.GetApiAsync("/api/v1/openapi.json")).Body);
        Assert.Empty(await document.ValidateAsync("InstanceResource", answer.Body));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_attribution_fields_of_an_instance()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;

        var document = (await host.Client.GetApiAsync("/api/v1/openapi.json")).Json;

        var properties = document["components"]!["schemas"]!["InstanceResource"]!["properties"]!;
        Assert.Contains("string", properties["changedBy"]!["type"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("date-time", properties["changedAt"]!["format"]!.GetValue<string>());
        Assert.Contains("string", properties["changeOrigin"]!["type"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cmf_instance_carries_the_attribution_in_annotations_and_still_matches_the_reference_schema()
    {
        var (host, app) = await StartAsync();
        await using var _ = host;

        var answer = await host.Client.GetApiAsync($"/cmf/api/v1/environments/prod/applications/orders/instances/{app.InstanceUid(2)}");
        var unattributed = (await host.Client.GetApiAsync($"/cmf/api/v1/environments/prod/applications/orders/instances/{app.InstanceUid(1)}")).Json;

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var annotations = answer.Json["metadata"]!["annotations"]!;
        Assert.Equal("kubectl-patch", annotations[CmfMapping.ChangedByAnnotation]!.GetValue<string>());
        Assert.Equal(PatchedAt, annotations[CmfMapping.ChangedAtAnnotation]!.GetValue<DateTimeOffset>());
        Assert.Equal("Argo CD application payments", annotations[CmfMapping.ChangeOriginAnnotation]!.GetValue<string>());
        Assert.Null(unattributed["metadata"]!["annotations"]);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("FlinkApplicationInstance", answer.Body));
    }
}
