using Cmf.Dashboard.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cmf.Dashboard;

/// <summary>Tells the person who ran the app where to point a browser, and kubectl.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"Dashboard: {address}");
        }
        var target = app.Services.GetRequiredService<ClusterTarget>();
        if (target.IsSimulated)
        {
            Console.WriteLine($"Simulated cluster kubeconfig: {target.KubeconfigPath}");
            Console.WriteLine($"  try: kubectl --kubeconfig {target.KubeconfigPath} get flinkdeployments -A");
        }
        else if (app.Services.GetRequiredService<Leadership>() is { IsElected: true } leadership)
        {
            // Only the Lease holder watches; this replica may follow for ever.
            Console.WriteLine($"Watching {target.Description} while {leadership.Identity} holds the Lease.");
        }
        else
        {
            Console.WriteLine($"Watching {target.Description}.");
        }
    }
}
