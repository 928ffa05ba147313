using System.Net;
using System.Text;
using Cmf.Core.Kubernetes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>
/// The simulator stores and serves objects as deep as a real API server does: its JSON decoder (sigs.k8s.io/json)
/// accepts nesting up to 10,000 levels, so a hostile FlinkDeployment nested 90 levels deep reaches the watchers.
/// </summary>
public sealed class DeepObjectTests
{
    private const string Hostile = SimulatorHttp.FlinkDeployments + "/hostile";

    [Fact]
    public async Task A_flink_deployment_nested_90_levels_deep_is_stored_and_served()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        using var http = new SimulatorHttp(server.BaseUrl);

        var created = await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("hostile").NestedLevelsDeep(90).Build());
        var read = await http.GetAsync(Hostile);
        var list = await http.GetAsync(SimulatorHttp.FlinkDeployments);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(90, Depth(read));
        Assert.Single(list.Object["items"]!.AsArray());
        Assert.Equal(90 + 2, Depth(list));
    }

    [Fact]
    public async Task An_object_as_deep_as_the_api_servers_decoder_allows_is_stored_and_one_level_more_is_a_400()
    {
        await using var server = await TestSimulator.StartAsync(configure: o => o.OperatorEnabled = false);
        using var http = new SimulatorHttp(server.BaseUrl);

        var deepest = await http.PostAsync(
            SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("deepest").NestedLevelsDeep(SimulatorHttp.ApiServerMaxDepth).Build());
        var before = await http.ResourceVersionAsync();
        var tooDeep = await http.PostAsync(
            SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("too-deep").NestedLevelsDeep(SimulatorHttp.ApiServerMaxDepth + 1).Build());

        Assert.Equal(HttpStatusCode.Created, deepest.Status);
        Assert.Equal(SimulatorHttp.ApiServerMaxDepth, Depth(await http.GetAsync(SimulatorHttp.FlinkDeployments + "/deepest")));
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.Status);
        Assert.Equal("BadRequest", tooDeep.Reason);
        Assert.Equal(before, await http.ResourceVersionAsync());
    }

    [Fact]
    public async Task The_simulated_operator_deploys_a_flink_deployment_nested_90_levels_deep()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("hostile").NestedLevelsDeep(90).Build());
        await server.Clock.AdvanceAsync(TimeSpan.FromMinutes(2));

        var status = (await http.GetAsync(Hostile)).Object["status"];
        Assert.Equal("RUNNING", status?["jobStatus"]?["state"]?.GetValue<string>());
        Assert.Empty(server.OperatorErrors);
    }

    // Counted as JSON parsers count ({} is one level), by a reader that does not recurse: a 10,000-level walk would.
    private static int Depth(SimulatorHttp.Response response) => ResourceJson.Depth(Encoding.UTF8.GetBytes(response.Text));
}
