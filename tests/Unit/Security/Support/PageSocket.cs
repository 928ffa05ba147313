using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Cmf.UnitTests.Security.Support;

/// <summary>
/// A WebSocket opened as a web page's script opens one: straight to a SignalR endpoint without negotiate, carrying the
/// page's <c>Origin</c> and the viewer's cookies. When the server accepts it, SignalR's handshake is sent, so an answer
/// shows the hub itself took the connection.
/// </summary>
public static class PageSocket
{
    /// <summary>What SignalR answers to a handshake it accepts: an empty JSON object and the record separator.</summary>
    public const string HandshakeAccepted = "{}\u001e";

    public static async Task<PageSocketResult> OpenAsync(
        Uri baseUrl, string pathAndQuery, string? origin, CookieContainer? cookies = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            socket.Options.SetRequestHeader(name, value);
        }
        socket.Options.Cookies = cookies;
        var address = new UriBuilder(new Uri(baseUrl, pathAndQuery)) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, bound.Token);
        }
        catch (WebSocketException)
        {
            return new PageSocketResult(socket.HttpStatusCode, Handshake: null);
        }
        // Blazor's circuit speaks only its MessagePack protocol; the handshake itself is JSON text either way.
        var protocol = address.AbsolutePath.StartsWith("/_blazor", StringComparison.Ordinal) ? "blazorpack" : "json";
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"protocol":"{{protocol}}","version":1}""" + "\u001e"), WebSocketMessageType.Text, true, bound.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, bound.Token);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", bound.Token);
        return new PageSocketResult(HttpStatusCode.SwitchingProtocols, Encoding.UTF8.GetString(buffer, 0, received.Count));
    }
}

/// <summary>The status the upgrade got (101 when accepted) and, when accepted, SignalR's answer to the handshake.</summary>
public sealed record PageSocketResult(HttpStatusCode Status, string? Handshake);
