using System.Net;
using Cmf.Dashboard.Hosting;
using Cmf.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cmf.UnitTests.Telemetry;

/// <summary>What runs when: the OpenTelemetry SDK only for a scrape port or an OTLP endpoint, OTLP only with its variable.</summary>
public sealed class TelemetrySwitchTests
{
    [Fact]
    public async Task Without_a_metrics_port_nothing_serves_metrics_and_no_sdk_runs()
    {
        await using var host = await DashboardHost.StartAsync();

        using var answer = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is MetricsEndpoint);
    }

    [Fact]
    public async Task A_metrics_port_without_an_otlp_endpoint_exports_no_traces()
    {
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Cmf:Metrics:Port"] = MetricsScenario.FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cmf:Metrics:ListenAddress"] = "127.0.0.1",
        });

        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task An_otlp_endpoint_turns_on_traces()
    {
        // Nothing listens there: the exporter's sends fail quietly, which is all this test needs.
        var closed = MetricsScenario.FreeLoopbackPort();
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            [global::Cmf.Dashboard.Hosting.Telemetry.OtlpEndpointVariable] = $"http://127.0.0.1:{closed}",
        });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
    }
}
