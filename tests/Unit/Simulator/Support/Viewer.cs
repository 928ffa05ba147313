using Cmf.Simulator;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// Someone watching the simulated cluster: one open watch of FlinkDeployments, as a dashboard or `kubectl get -w` holds.
/// The demo's story waits for a watcher, so tests of the demo alone open one.
/// </summary>
internal sealed class Viewer : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _watch;

    private Viewer(HttpClient http, HttpResponseMessage watch)
    {
        _http = http;
        _watch = watch;
    }

    public static async Task<Viewer> WatchAsync(SimulatorServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        var watch = await http.GetAsync("/apis/flink.apache.org/v1beta1/flinkdeployments?watch=true", HttpCompletionOption.ResponseHeadersRead);
        watch.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => server.Faults.OpenWatches > 0, "the simulator counts the open watch");
        return new Viewer(http, watch);
    }

    public ValueTask DisposeAsync()
    {
        _watch.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
