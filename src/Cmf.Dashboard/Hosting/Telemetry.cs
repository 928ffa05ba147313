using Cmf.Core.Configuration;
using Cmf.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// Metrics and traces: the dashboard's own meter always counts (no listener, no cost); the OpenTelemetry SDK runs only when
/// something reads it, a Prometheus scrape on <c>Cmf:Metrics:Port</c> or an OTLP collector at <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ServiceName = "cmf-fa-dashboard";

    public static WebApplicationBuilder AddCmfTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var metrics = ActivatorUtilities.CreateInstance<CmfMetrics>(sp);
            var leadership = sp.GetRequiredService<Leadership>();
            metrics.ObserveLeadership(() => leadership.IsLeader);
            return metrics;
        });
        services.AddSingleton<CircuitHandler, CircuitMetrics>();

        var scrape = builder.Configuration.GetSection($"{CmfOptions.SectionName}:Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!scrape.Enabled && !otlp)
        {
            return builder;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                // As instrumentation, so the meter exists from the first scrape even where nothing else asks for it (Cmf:Cluster:Mode None).
                metrics.AddMeter(CmfMetrics.MeterName).AddInstrumentation(sp => sp.GetRequiredService<CmfMetrics>()).AddAspNetCoreInstrumentation();
                if (scrape.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing.AddSource(CmfActivities.SourceName).AddAspNetCoreInstrumentation().AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }
        if (scrape.Enabled)
        {
            services.AddHostedService<MetricsEndpoint>();
        }
        return builder;
    }
}
