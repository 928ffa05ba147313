using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cmf.E2ETests;

/// <summary>A stand-in portal on its own loopback origin: one page that frames a dashboard URL.</summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly string _html;

    private PortalPage(int port, string framedUrl)
    {
        Origin = $"http://127.0.0.1:{port}";
        _html = $"""
            <!DOCTYPE html>
            <html><head><title>Portal</title></head>
            <body><h1>Portal</h1><iframe id="dashboard" src="{WebUtility.HtmlEncode(framedUrl)}" width="1200" height="800"></iframe></body></html>
            """;
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Origin { get; }

    public string Url => Origin + "/";

    /// <summary>Takes a free loopback port, so the portal's origin differs from the dashboard's.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static PortalPage Start(int port, string framedUrl) => new(port, framedUrl);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes(_html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
