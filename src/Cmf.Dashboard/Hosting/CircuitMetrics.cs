using Cmf.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Cmf.Dashboard.Hosting;

/// <summary>Counts open Blazor circuits for <c>cmf.circuits</c>.</summary>
internal sealed class CircuitMetrics(CmfMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
