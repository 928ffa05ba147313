using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cmf.Dashboard.Security;

/// <summary>
/// Runs once Kestrel has bound its real addresses (after every hosted service started) and stops the start-up when
/// unsecured mode would be reachable beyond loopback. Until then <see cref="ListeningGate"/> answers 503.
/// </summary>
internal sealed partial class ListeningCheck(IServer server, SecurityPosture posture, ILogger<ListeningCheck> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        try
        {
            posture.Check([.. addresses]);
        }
        catch (InvalidOperationException e)
        {
            LogRefused(logger, e.Message);
            throw;
        }
        if (posture.Warning is { } warning && posture.ExposedAddresses.Count > 0)
        {
            LogOpen(logger, warning);
        }
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogOpen(ILogger logger, string warning);
}

/// <summary>Answers 503 until <see cref="ListeningCheck"/> has approved the bound addresses.</summary>
internal sealed class ListeningGate(RequestDelegate next, SecurityPosture posture)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (posture.IsChecked)
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync("Starting: the listening addresses are being checked.", context.RequestAborted);
    }
}
