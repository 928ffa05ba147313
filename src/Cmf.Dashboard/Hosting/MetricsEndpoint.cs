using System.Net;
using Cmf.Core.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Cmf.Dashboard.Hosting;

/// <summary>
/// <c>/metrics</c> on <c>Cmf:Metrics:Port</c>, served by a Kestrel of its own: the dashboard's port never answers it, and
/// none of the dashboard's sign-in, host filtering or headers stand between Prometheus and the numbers. A second endpoint
/// on the dashboard's Kestrel would not do: an endpoint set in code makes Kestrel ignore <c>--urls</c> and its kin.
/// </summary>
internal sealed class MetricsEndpoint(IOptions<CmfOptions> options, MeterProvider meterProvider, ILogger<MetricsEndpoint> logger)
    : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var metrics = options.Value.Metrics;
        var port = metrics.Port ?? throw new InvalidOperationException("Cmf:Metrics:Port is not set.");
        // Empty: none of the dashboard's configuration (Kestrel:Endpoints, ASPNETCORE_URLS) reaches this server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            if (metrics.ParsedListenAddress is { } address)
            {
                kestrel.Listen(address, port);
            }
            else
            {
                kestrel.ListenAnyIP(port);
            }
        });
        builder.Services.AddOptions();
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, Path, configureBranchedPipeline: null, optionsName: null);
        _server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("Metrics: http://{Address}:{Port}{Path}", metrics.ParsedListenAddress ?? IPAddress.Any, port, Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
