using System.Text.Json;

namespace Cmf.Core.Json;

/// <summary>
/// Bad JSON that a node accepts and only trips over when it is first read or written: a lone
/// surrogate (<c>"\ud800"</c>), duplicate keys in a node parsed without checks, nesting deeper than a
/// writer allows.
/// </summary>
internal static class UnreadableJson
{
    // Messages may quote the offending key, which is as long as its author made it.
    private const int MaxMessageLength = 300;

    public static bool Is(Exception exception) =>
        exception is InvalidOperationException or ArgumentException or JsonException;

    public static string Reason(Exception exception)
    {
        var message = exception.Message;
        return "unreadable: " + (message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "...");
    }
}
