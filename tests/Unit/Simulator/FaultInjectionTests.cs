using System.Net;
using System.Text.Json.Nodes;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>Faults reachable over HTTP under /_sim/faults/ (and in-process): errors, stalls, dropped watches, compaction, restarts.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Fail_next_answers_the_next_requests_with_the_chosen_status_then_recovers()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var injected = await http.SendAsync(HttpMethod.Post, "/_sim/faults/fail-next?count=2&status=503");
        var first = await http.GetAsync(SimulatorHttp.FlinkDeployments);
        var second = await http.GetAsync("/version");
        var third = await http.GetAsync(SimulatorHttp.FlinkDeployments);

        Assert.Equal(HttpStatusCode.OK, injected.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("ServiceUnavailable", first.Reason);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Stalled_requests_are_answered_after_the_stall()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        await http.SendAsync(HttpMethod.Post, "/_sim/faults/stall-next?count=1&milliseconds=300");
        var stalled = await http.GetAsync(SimulatorHttp.FlinkDeployments);

        Assert.Equal(HttpStatusCode.OK, stalled.Status);
        Assert.Equal("FlinkDeploymentList", stalled.Object["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drop_watches_over_http_cuts_every_open_watch()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await using var first = await HttpWatch.StartAsync(server.BaseUrl, SimulatorHttp.FlinkDeployments);
        await using var second = await HttpWatch.StartAsync(server.BaseUrl, ObservedCluster.Pods);
        await Eventually.TrueAsync(() => server.Faults.OpenWatches == 2, "both watches are open");

        var dropped = await http.SendAsync(HttpMethod.Post, "/_sim/faults/drop-watches");

        Assert.Equal(2, dropped.Object["dropped"]!.GetValue<int>());
        await Eventually.TrueAsync(() => first.Ended && second.Ended, "both watch streams ended");
        // The server counts a watch closed when its handler returns, which can be just after the client read the end.
        await Eventually.TrueAsync(() => server.Faults.OpenWatches == 0, "the server counts no open watch");
    }

    [Fact]
    public async Task Compact_over_http_expires_older_versions_for_new_watches()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var old = await http.ResourceVersionAsync();
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        await http.SendAsync(HttpMethod.Post, "/_sim/faults/compact");
        await using var watch = await HttpWatch.StartAsync(server.BaseUrl, SimulatorHttp.FlinkDeployments, $"&resourceVersion={old}");
        await Eventually.TrueAsync(() => watch.Ended, "the expired watch ended");

        var error = Assert.Single(watch.Events);
        Assert.Equal("ERROR", error["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Silently_stalled_watches_hold_their_events_until_released()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await using var watch = await HttpWatch.StartAsync(server.BaseUrl, SimulatorHttp.FlinkDeployments);
        await http.SendAsync(HttpMethod.Post, "/_sim/faults/stall-watches?enabled=true");
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());
        var before = watch.Events.Count;

        await http.SendAsync(HttpMethod.Post, "/_sim/faults/stall-watches?enabled=false");
        await watch.WaitForAsync(o => o["metadata"]!["name"]!.GetValue<string>() == "orders", "the held event arrived");

        Assert.Equal(0, before);
        Assert.False(watch.Ended);
    }

    [Fact]
    public async Task Restarting_the_listener_keeps_the_port_objects_and_versions()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        var created = (await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build())).Object;
        var baseUrl = server.BaseUrl;
        await using var watch = await HttpWatch.StartAsync(server.BaseUrl, SimulatorHttp.FlinkDeployments);

        await server.RestartListenerAsync();

        Assert.Equal(baseUrl, server.BaseUrl);
        await Eventually.TrueAsync(() => watch.Ended, "the open watch was cut by the restart");
        var after = (await http.GetAsync(SimulatorHttp.FlinkDeployments + "/orders")).Object;
        Assert.Equal(created["metadata"]!["uid"]!.GetValue<string>(), after["metadata"]!["uid"]!.GetValue<string>());
        var next = (await http.MergePatchAsync(SimulatorHttp.FlinkDeployments + "/orders", JsonNode.Parse("""{"spec":{"job":{"parallelism":4}}}""")!)).Object;
        Assert.True(long.Parse(next["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            > long.Parse(created["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Restart_over_http_answers_first_then_restarts()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var accepted = await http.SendAsync(HttpMethod.Post, "/_sim/faults/restart");

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/version")).Status == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the restarted listener answers");
    }

    [Fact]
    public async Task Advancing_the_manual_clock_over_http_runs_the_operator()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);
        await http.PostAsync(SimulatorHttp.FlinkDeployments, FlinkDeploymentBuilder.Named("orders").Build());

        var advanced = await http.SendAsync(HttpMethod.Post, "/_sim/clock/advance?seconds=60");

        Assert.Equal(HttpStatusCode.OK, advanced.Status);
        Assert.Equal("2025-06-01T12:01:00.0000000+00:00", advanced.Object["now"]!.GetValue<string>());
        var status = FlinkStatusView.Of((await http.GetAsync(SimulatorHttp.FlinkDeployments + "/orders")).Object);
        Assert.Equal("STABLE RUNNING READY DEPLOYED", status.Brief);
    }

    [Fact]
    public async Task Unknown_controls_are_404_statuses()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new SimulatorHttp(server.BaseUrl);

        var response = await http.SendAsync(HttpMethod.Post, "/_sim/faults/explode");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Status", response.Object["kind"]!.GetValue<string>());
    }
}
