using System.Net;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Built-in types kubectl sends as protobuf are accepted over HTTP and answered in JSON; bad bodies are a 400 Status.</summary>
public sealed class ProtobufRequestTests
{
    private const string Protobuf = "application/vnd.kubernetes.protobuf";
    private const string Namespaces = "/api/v1/namespaces";

    [Fact]
    public async Task A_namespace_posted_as_protobuf_is_created_and_answered_in_json()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var body = ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter()
            .Message(1, new ProtobufWriter().String(1, "team-a").MapEntry(11, "environment", "dev")));

        var created = await http.PostBytesAsync(Namespaces, body, Protobuf, accept: $"{Protobuf},application/json");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var stored = (await http.GetAsync($"{Namespaces}/team-a")).Object;
        Assert.Equal("dev", stored["metadata"]!["labels"]!["environment"]!.GetValue<string>());
        Assert.Equal("Active", stored["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_protobuf_body_is_a_400_status_and_creates_nothing()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var before = await http.ResourceVersionAsync(Namespaces);
        var cutShort = ProtobufWriter.KubernetesEnvelope("v1", "Namespace", new ProtobufWriter().Message(1, new ProtobufWriter().String(1, "team-a")))[..^3];

        var response = await http.PostBytesAsync(Namespaces, cutShort, Protobuf);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Status", response.Object["kind"]!.GetValue<string>());
        Assert.Equal("BadRequest", response.Reason);
        Assert.Contains("Namespace protobuf", response.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await http.ResourceVersionAsync(Namespaces));
    }

    [Fact]
    public async Task A_protobuf_body_of_another_kind_is_a_400()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var pod = ProtobufWriter.KubernetesEnvelope("v1", "Pod", new ProtobufWriter().Message(1, new ProtobufWriter().String(1, "team-a")));

        var response = await http.PostBytesAsync(Namespaces, pod, Protobuf);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Namespaces}/team-a")).Status);
    }

    [Fact]
    public async Task A_flink_deployment_posted_as_protobuf_is_a_415_as_custom_resources_are_json_only()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var body = ProtobufWriter.KubernetesEnvelope("flink.apache.org/v1beta1", "FlinkDeployment", new ProtobufWriter().Message(1, new ProtobufWriter().String(1, "orders")));

        var response = await http.PostBytesAsync(SimulatorHttp.FlinkDeployments, body, Protobuf);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UnsupportedMediaType", response.Reason);
    }
}
