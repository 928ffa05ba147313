using System.Net;
using Cmf.Dashboard.Api;
using Cmf.UnitTests.Api.Support;

namespace Cmf.UnitTests.Api;

/// <summary>
/// Every answer of every CMF endpoint, valid against its schema in ../shared/reference/cmf-openapi.yaml, with <c>oneOf</c>
/// read as CMF's generated clients read it (events carry <c>status.data</c>, which no value satisfies in plain JSON Schema).
/// </summary>
public abstract class CmfContractTests(SeededDashboard dashboard)
{
    private const string Orders = "/cmf/api/v1/environments/prod/applications/orders";

    public static TheoryData<string, HttpStatusCode, string> Answers => new()
    {
        { "/cmf/api/v1/environments", HttpStatusCode.OK, "EnvironmentsPage" },
        { "/cmf/api/v1/environments?size=1&page=1", HttpStatusCode.OK, "EnvironmentsPage" },
        { "/cmf/api/v1/environments?page=9", HttpStatusCode.OK, "EnvironmentsPage" },
        { "/cmf/api/v1/environments/prod", HttpStatusCode.OK, "Environment" },
        { "/cmf/api/v1/environments/staging", HttpStatusCode.OK, "Environment" },
        { "/cmf/api/v1/environments/missing", HttpStatusCode.NotFound, "RestError" },
        { "/cmf/api/v1/environments/prod/applications", HttpStatusCode.OK, "ApplicationsPage" },
        { "/cmf/api/v1/environments/prod/applications?size=1&page=2", HttpStatusCode.OK, "ApplicationsPage" },
        { "/cmf/api/v1/environments/quiet/applications", HttpStatusCode.OK, "ApplicationsPage" },
        { "/cmf/api/v1/environments/missing/applications", HttpStatusCode.NotFound, "RestError" },
        { Orders, HttpStatusCode.OK, "FlinkApplication" },
        { "/cmf/api/v1/environments/staging/applications/trimmed", HttpStatusCode.OK, "FlinkApplication" },
        { "/cmf/api/v1/environments/prod/applications/missing", HttpStatusCode.NotFound, "RestError" },
        { Orders + "/instances", HttpStatusCode.OK, "ApplicationInstancesPage" },
        { Orders + "/instances?size=1&page=1", HttpStatusCode.OK, "ApplicationInstancesPage" },
        { Orders + "/instances?page=5", HttpStatusCode.OK, "ApplicationInstancesPage" },
        { "/cmf/api/v1/environments/prod/applications/missing/instances", HttpStatusCode.NotFound, "RestError" },
        { Orders + "/instances/00000000-0000-4000-8000-000000000000", HttpStatusCode.NotFound, "RestError" },
        { "/cmf/api/v1alpha1/environments/prod/applications/orders/events", HttpStatusCode.OK, "EventsPage" },
        { "/cmf/api/v1alpha1/environments/prod/applications/orders/events?size=2&page=1", HttpStatusCode.OK, "EventsPage" },
        { "/cmf/api/v1alpha1/environments/prod/applications/orders/events?page=50", HttpStatusCode.OK, "EventsPage" },
        { "/cmf/api/v1alpha1/environments/prod/applications/missing/events", HttpStatusCode.NotFound, "RestError" },
        { "/cmf/api/v1alpha1/environments/prod/applications/payments/events", HttpStatusCode.OK, "EventsPage" },
        { "/cmf/api/v1/environments?size=0", HttpStatusCode.BadRequest, "RestError" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Answer_validates_against_its_schema_in_the_reference_file(string path, HttpStatusCode status, string schema)
    {
        var answer = await dashboard.Client.GetApiAsync(path);

        Assert.Equal(status, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.Empty(await CmfContract.AsClientsRead.ValidateAsync(schema, answer.Body));
    }

    [Fact]
    public async Task A_repeated_error_is_one_event_whose_count_and_last_time_are_annotations()
    {
        var answer = await dashboard.Client.GetApiAsync("/cmf/api/v1alpha1/environments/prod/applications/payments/events");

        var errors = answer.Json["items"]!.AsArray().Where(e => e!["status"]!["message"]!.GetValue<string>().StartsWith("Error:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors)!;
        var annotations = error["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("3", annotations[CmfMapping.RepeatCountAnnotation]!.GetValue<string>());
        Assert.Equal(CmfMapping.Time(dashboard.Payments.State.ErrorEpisode!.LastSeen), annotations[CmfMapping.LastSeenAnnotation]!.GetValue<string>());
        Assert.Equal(dashboard.Payments.InstanceUid(2), error["metadata"]!["flinkApplicationInstance"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_seen_once_has_no_annotations()
    {
        var answer = await dashboard.Client.GetApiAsync("/cmf/api/v1alpha1/environments/prod/applications/orders/events");

        Assert.All(answer.Json["items"]!.AsArray(), e => Assert.Null(e!["metadata"]!["annotations"]));
    }

    [Fact]
    public async Task An_instance_by_its_name_validates_against_the_instance_schema()
    {
        var answer = await dashboard.Client.GetApiAsync($"{Orders}/instances/{dashboard.Orders.InstanceUid(2)}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("FlinkApplicationInstance", answer.Body));
    }

    [Fact]
    public async Task A_yaml_answer_holds_the_same_document_and_validates()
    {
        var json = await dashboard.Client.GetApiAsync(Orders + "/instances");
        var yaml = await dashboard.Client.GetApiAsync(Orders + "/instances", "application/yaml");

        Assert.Equal("application/yaml", yaml.ContentType);
        var fromYaml = OpenApiSchemas.YamlToJson(yaml.Body);
        Assert.Empty(await CmfContract.Reference.ValidateAsync("ApplicationInstancesPage", fromYaml.ToJsonString()));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(json.Json, fromYaml), fromYaml.ToJsonString());
    }

    [Fact]
    public async Task A_page_envelope_counts_everything_in_metadata_size_and_holds_at_most_size_items()
    {
        var answer = await dashboard.Client.GetApiAsync("/cmf/api/v1/environments/prod/applications?size=2&page=1");

        var page = answer.Json;
        Assert.Equal(3, page["metadata"]!["size"]!.GetValue<long>());
        Assert.Equal(1, page["pageable"]!["page"]!.GetValue<int>());
        Assert.Equal(2, page["pageable"]!["size"]!.GetValue<int>());
        Assert.Single(page["items"]!.AsArray());
    }

    [Fact]
    public async Task Application_status_names_the_current_deployed_instance_and_the_job_state()
    {
        var status = (await dashboard.Client.GetApiAsync(Orders)).Json["status"]!;

        Assert.Equal(dashboard.Orders.InstanceUid(2), status["currentDeployedInstanceName"]!.GetValue<string>());
        Assert.Equal("RUNNING", status["jobStatus"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Instance_carries_its_uid_as_name_its_times_its_effective_spec_and_its_job_status()
    {
        var uid = dashboard.Orders.InstanceUid(1);

        var instance = (await dashboard.Client.GetApiAsync($"{Orders}/instances/{uid}")).Json;

        Assert.Equal(uid, instance["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(uid, instance["metadata"]!["uid"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(instance["metadata"]!["creationTimestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.NotNull(instance["metadata"]!["updateTimestamp"]);
        Assert.Equal(2, instance["status"]!["spec"]!["job"]!["parallelism"]!.GetValue<int>());
        Assert.Equal("60s", instance["status"]!["spec"]!["flinkConfiguration"]!["execution.checkpointing.interval"]!.GetValue<string>());
        Assert.Equal("FINISHED", instance["status"]!["jobStatus"]!["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Orders)]
    [InlineData(Orders + "/instances")]
    [InlineData("/cmf/api/v1/environments/prod")]
    [InlineData("/cmf/api/v1/environments/prod/applications")]
    public async Task No_secret_leaves_in_any_answer(string path)
    {
        var json = await dashboard.Client.GetApiAsync(path);
        var yaml = await dashboard.Client.GetApiAsync(path, "application/yaml");

        foreach (var body in new[] { json.Body, yaml.Body })
        {
            Assert.DoesNotContain("do-not-show", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<sealed:", body, StringComparison.Ordinal);
            Assert.Contains("******", body, StringComparison.Ordinal);
        }
    }
}

public sealed class CmfContractTestsOnSqlite(SeededDashboard dashboard) : CmfContractTests(dashboard), IClassFixture<SeededDashboard>;

public sealed class CmfContractTestsOnPostgreSql(SeededPostgreSqlDashboard dashboard) : CmfContractTests(dashboard), IClassFixture<SeededPostgreSqlDashboard>;
