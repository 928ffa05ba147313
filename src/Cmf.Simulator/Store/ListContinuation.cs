using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Store;

/// <summary>
/// Where a paged list goes on: the resourceVersion of its first page and the key of the last object sent. Encoded as
/// the API server does (k8s.io/apiserver storage: URL-safe base64 without padding of
/// <c>{"v":"meta.k8s.io/v1","rv":N,"start":"ns/name\u0000"}</c>, the start key being the first key at or after it).
/// </summary>
internal sealed record ListContinuation(long Version, ObjectKey After)
{
    private const string EncodingVersion = "meta.k8s.io/v1";

    public string Encode()
    {
        var token = new JsonObject
        {
            ["v"] = EncodingVersion,
            ["rv"] = Version,
            ["start"] = After + "\0",
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(token.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a continue token; null with the API server's reason when it is not one.</summary>
    public static ListContinuation? Decode(string text, bool namespaced, out string? error)
    {
        error = null;
        JsonObject? token;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            token = JsonNode.Parse(Convert.FromBase64String(base64)) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            error = "continue key is not valid: " + e.Message;
            return null;
        }
        if (token?["v"]?.GetValueKind() != JsonValueKind.String || (string?)token["v"] != EncodingVersion)
        {
            error = $"continue key is not valid: server does not recognize this encoded version";
            return null;
        }
        if (token["rv"]?.GetValueKind() != JsonValueKind.Number || !token["rv"]!.AsValue().TryGetValue<long>(out var version) || version <= 0)
        {
            error = "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)";
            return null;
        }
        if (token["start"]?.GetValueKind() != JsonValueKind.String || ((string)token["start"]!).TrimEnd('\0') is not { Length: > 0 } start)
        {
            error = "continue key is not valid: encoded start key empty (version meta.k8s.io/v1)";
            return null;
        }
        var slash = start.IndexOf('/', StringComparison.Ordinal);
        if (namespaced != (slash > 0) || start.Contains("..", StringComparison.Ordinal))
        {
            error = "continue key is not valid: the start key does not name an object of this resource";
            return null;
        }
        var key = namespaced ? new ObjectKey(start[..slash], start[(slash + 1)..]) : new ObjectKey("", start);
        return new ListContinuation(version, key);
    }
}
