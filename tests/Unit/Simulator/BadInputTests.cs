using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Bad requests get a Kubernetes Status with the right code and change nothing.</summary>
public sealed class BadInputTests
{
    private const string Orders = SimulatorHttp.FlinkDeployments + "/orders";

    [Fact]
    public async Task Malformed_json_is_a_400_and_changes_nothing()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var before = await http.ResourceVersionAsync();

        var response = await http.SendAsync(HttpMethod.Post, SimulatorHttp.FlinkDeployments, """{"apiVersion": "flink.apache.org/v1beta1", "kind": """);

        AssertStatus(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal(before, await http.ResourceVersionAsync());
    }

    [Fact]
    public async Task A_body_over_3_mib_is_a_413_and_changes_nothing()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var before = await http.ResourceVersionAsync();
        var huge = FlinkDeploymentBuilder.Named("orders").Build();
        huge["metadata"]!["annotations"] = new JsonObject { ["padding"] = new string('x', (3 * 1024 * 1024) + 1) };

        var response = await http.PostAsync(SimulatorHttp.FlinkDeployments, huge);

        AssertStatus(response, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge");
        Assert.Equal("Request entity too large: limit is 3145728", response.Object["message"]!.GetValue<string>());
        Assert.Equal(before, await http.ResourceVersionAsync());
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("PUT", null)]
    [InlineData("PATCH", null)]
    [InlineData("POST", "text/plain")]
    [InlineData("POST", "application/x-www-form-urlencoded")]
    public async Task A_body_without_a_content_type_or_with_one_a_web_form_sends_is_a_415_and_changes_nothing(string method, string? contentType)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var orders = await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());
        var before = await http.ResourceVersionAsync();
        var body = method == "POST" ? FlinkDeploymentBuilder.Named("other").Build() : orders.Object;

        var response = await http.SendAsync(new HttpMethod(method), method == "POST" ? SimulatorHttp.FlinkDeployments : Orders, body.ToJsonString(), contentType);

        AssertStatus(response, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        Assert.Contains(contentType ?? "no Content-Type header", response.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await http.ResourceVersionAsync());
    }

    [Fact]
    public async Task A_value_outside_the_crd_enum_is_a_422_naming_the_field()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var before = await http.ResourceVersionAsync();
        var invalid = FlinkDeploymentBuilder.Named("orders").Build();
        invalid["spec"]!["job"]!["upgradeMode"] = "yolo";

        var response = await http.PostAsync(SimulatorHttp.FlinkDeployments, invalid);

        AssertStatus(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal("spec.job.upgradeMode", response.Object["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(before, await http.ResourceVersionAsync());
    }

    [Fact]
    public async Task A_wrongly_typed_field_in_a_patch_is_a_422_and_leaves_the_object_as_it_was()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());
        var before = (await http.GetAsync(Orders)).Object.ToJsonString();

        var response = await http.MergePatchAsync(Orders, JsonNode.Parse("""{"spec":{"job":{"parallelism":"three"}}}""")!);

        AssertStatus(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Equal(before, (await http.GetAsync(Orders)).Object.ToJsonString());
    }

    [Fact]
    public async Task An_invalid_name_is_a_422()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var response = await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("Orders_Bad").Build());

        AssertStatus(response, HttpStatusCode.UnprocessableEntity, "Invalid");
    }

    [Fact]
    public async Task Replacing_with_a_stale_resource_version_is_a_409_conflict()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var created = (await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build())).Object;
        await http.MergePatchAsync(Orders, JsonNode.Parse("""{"spec":{"job":{"parallelism":3}}}""")!);
        var before = (await http.GetAsync(Orders)).Object.ToJsonString();

        created["spec"]!["job"]!["parallelism"] = 9;
        var response = await http.PutAsync(Orders, created);

        AssertStatus(response, HttpStatusCode.Conflict, "Conflict");
        Assert.Equal(before, (await http.GetAsync(Orders)).Object.ToJsonString());
    }

    [Fact]
    public async Task Replacing_a_custom_resource_without_a_resource_version_is_a_422()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var response = await http.PutAsync(Orders, FlinkDeploymentBuilder.Named("orders").WithParallelism(5).Build());

        AssertStatus(response, HttpStatusCode.UnprocessableEntity, "Invalid");
    }

    [Fact]
    public async Task Creating_an_existing_object_is_a_409_already_exists()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var response = await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        AssertStatus(response, HttpStatusCode.Conflict, "AlreadyExists");
    }

    [Fact]
    public async Task Unknown_objects_paths_and_namespaces_are_404s()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        AssertStatus(await http.GetAsync(Orders), HttpStatusCode.NotFound, "NotFound");
        AssertStatus(await http.GetAsync("/apis/flink.apache.org/v1beta1/flinksessionjobs"), HttpStatusCode.NotFound, "NotFound");
        AssertStatus(await http.GetAsync("/nonsense"), HttpStatusCode.NotFound, "NotFound");
        var homeless = FlinkDeploymentBuilder.Named("x").Build();
        homeless["metadata"]!.AsObject().Remove("namespace");
        AssertStatus(await http.PostAsync("/apis/flink.apache.org/v1beta1/namespaces/nowhere/flinkdeployments", homeless), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Strict_field_validation_rejects_unknown_fields_with_a_400()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var body = FlinkDeploymentBuilder.Named("orders").Build();
        body["spec"]!["jobManger"] = new JsonObject();

        var strict = await http.SendAsync(HttpMethod.Post, SimulatorHttp.FlinkDeployments + "?fieldValidation=Strict", body.ToJsonString());
        var lenient = await http.SendAsync(HttpMethod.Post, SimulatorHttp.FlinkDeployments + "?fieldValidation=Warn", body.ToJsonString());

        AssertStatus(strict, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("spec.jobManger", strict.Object["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, lenient.Status);
        Assert.Null(lenient.Object["spec"]!["jobManger"]);
        Assert.Contains(lenient.Headers.GetValues("Warning"), w => w.Contains("spec.jobManger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_for_another_namespace_or_kind_is_a_400()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var elsewhere = FlinkDeploymentBuilder.Named("orders").Build();
        elsewhere["metadata"]!["namespace"] = "kube-system";
        var wrongKind = FlinkDeploymentBuilder.Named("orders").Build();
        wrongKind["kind"] = "FlinkSessionJob";

        AssertStatus(await http.PostAsync(SimulatorHttp.FlinkDeployments, elsewhere), HttpStatusCode.BadRequest, "BadRequest");
        AssertStatus(await http.PostAsync(SimulatorHttp.FlinkDeployments, wrongKind), HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Unsupported_patch_types_and_bad_selectors_are_refused()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var applyPatch = await http.SendAsync(HttpMethod.Patch, Orders, "{}", "application/apply-patch+yaml");
        var badLabels = await http.GetAsync(SimulatorHttp.FlinkDeployments + "?labelSelector=app%20in%20(a");
        var badFields = await http.GetAsync(SimulatorHttp.FlinkDeployments + "?fieldSelector=spec.image%3Dflink");

        AssertStatus(applyPatch, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        AssertStatus(badLabels, HttpStatusCode.BadRequest, "BadRequest");
        AssertStatus(badFields, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_web_page_cannot_arm_a_fault_and_a_rebound_host_name_is_refused()
    {
        await using var server = await TestSimulator.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using var fromPage = new HttpRequestMessage(HttpMethod.Post, "/_sim/faults/fail-next?count=5&status=500");
        fromPage.Headers.Add("Origin", "https://evil.example");
        using var refused = await client.SendAsync(fromPage);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, SimulatorHttp.FlinkDeployments);
        rebound.Headers.Host = "rebind.evil.example";
        using var refusedHost = await client.SendAsync(rebound);
        using var afterwards = await client.GetAsync(SimulatorHttp.FlinkDeployments);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refused.StatusCode, refusedHost.StatusCode));
        Assert.Contains("Origin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        foreach (var host in new[] { "localhost", "127.0.0.1" })
        {
            using var loopback = new HttpRequestMessage(HttpMethod.Get, SimulatorHttp.FlinkDeployments);
            loopback.Headers.Host = $"{host}:{server.BaseUrl.Port}";
            using var answered = await client.SendAsync(loopback);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }

    private static void AssertStatus(SimulatorHttp.Response response, HttpStatusCode code, string reason)
    {
        Assert.Equal(code, response.Status);
        Assert.Equal("Status", response.Object["kind"]!.GetValue<string>());
        Assert.Equal("Failure", response.Object["status"]!.GetValue<string>());
        Assert.Equal((int)code, response.Object["code"]!.GetValue<int>());
        Assert.Equal(reason, response.Reason);
    }
}
