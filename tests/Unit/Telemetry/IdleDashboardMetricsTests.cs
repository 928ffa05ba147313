using System.Globalization;
using Cmf.UnitTests.HighAvailability;

namespace Cmf.UnitTests.Telemetry;

public sealed class IdleDashboardMetricsTests
{
    [Fact]
    public async Task A_dashboard_that_watches_nothing_still_exports_its_own_meter()
    {
        var port = MetricsScenario.FreeLoopbackPort();
        await using var dashboard = await ReplicaProcess.StartAsync("idle", new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "None",
            ["Cmf:Metrics:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Cmf:Metrics:ListenAddress"] = "127.0.0.1",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        var scrape = PrometheusText.Parse(await http.GetStringAsync("/metrics"));

        // Nothing ingests: no pipeline gauges, but the replica's own state is there from the first scrape.
        Assert.Equal(1, scrape.Single("cmf_leader"));
        Assert.Equal(0, scrape.Single("cmf_ingest_commit_failures_total"));
        Assert.DoesNotContain("cmf_applications", scrape.Names);
    }
}
