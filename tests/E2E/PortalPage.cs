using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cmf.E2ETests;

/// <summary>
/// A stand-in portal on its own loopback origin: its one page frames whatever URL <c>?frame=</c> names. It starts before
/// the dashboard, so its origin can be put in <c>Cmf:Embedding:FrameAncestors</c>.
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    private PortalPage(int port)
    {
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Origin { get; }

    /// <summary>Listens on a free loopback port, so the portal's origin differs from the dashboard's.</summary>
    public static PortalPage Start() => new(FreePort());

    /// <summary>The portal page with <paramref name="framedUrl"/> in its iframe <c>#dashboard</c>.</summary>
    public string Framing(string framedUrl) => $"{Origin}/?frame={Uri.EscapeDataString(framedUrl)}";

    /// <summary>Stops listening; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_listener.IsListening)
        {
            _listener.Close();
        }
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            try
            {
                await AnswerAsync(context);
            }
            catch (HttpListenerException)
            {
                // The browser went away mid-answer (a frame torn down with its page); the portal serves the next one.
            }
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context)
    {
        var framed = context.Request.QueryString["frame"] ?? "about:blank";
        var body = Encoding.UTF8.GetBytes($"""
            <!DOCTYPE html>
            <html lang="en"><head><title>Portal</title></head>
            <body><h1>Portal</h1><iframe id="dashboard" title="Dashboard" src="{WebUtility.HtmlEncode(framed)}" width="1200" height="800"></iframe></body></html>
            """);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
