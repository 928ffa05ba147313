using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Simulator.Api.Protobuf;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>Reads request bodies with the API server's size and depth limits and turns bad JSON or protobuf into a 400.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The API server refuses bodies over 3 MiB with a 413 (<c>MaxRequestBodyBytes</c> in k8s.io/apiserver's
    /// <c>NewConfig</c>: twice etcd's default 1.5 MiB request limit, as JSON shrinks when stored as protobuf).
    /// </summary>
    public const long MaxBytes = 3 * 1024 * 1024;

    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, bool required, CancellationToken ct)
    {
        var body = await ReadBytesAsync(request, ct);
        if (body.Length == 0)
        {
            return required ? throw ApiException.BadRequest("the request body is empty") : null;
        }
        try
        {
            return ApiServerJson.Parse(body);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded as JSON: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadJsonAsync(request, required: true, ct) as JsonObject
        ?? throw ApiException.BadRequest("the body of the request must be a JSON object");

    /// <summary>
    /// An object to create or replace: JSON, or protobuf for the built-in types kubectl sends so. A body without a
    /// Content-Type is refused with a 415. kube-apiserver would read it as JSON (NegotiateInputSerializerForMediaType
    /// falls back to its first media type), but it also asks for credentials and the simulator does not: a web page
    /// can send a POST without a Content-Type to a loopback port without the browser asking first (a CORS "simple"
    /// request), and no Kubernetes client sends one.
    /// </summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, ResourceType type, CancellationToken ct)
    {
        var mediaType = MediaType(request);
        if (mediaType == ApiResponses.Json)
        {
            return await ReadObjectAsync(request, ct);
        }
        if (mediaType != KubernetesProtobuf.MediaType || !KubernetesProtobuf.Accepts(type))
        {
            throw ApiException.UnsupportedMediaType(mediaType, KubernetesProtobuf.Accepts(type)
                ? [ApiResponses.Json, KubernetesProtobuf.MediaType]
                : [ApiResponses.Json]);
        }
        var body = await ReadBytesAsync(request, ct);
        try
        {
            return KubernetesProtobuf.Decode(body, type);
        }
        catch (ProtobufFormatException e)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded as {type.Kind} protobuf: {e.Message}");
        }
    }

    /// <summary>The media type without parameters, lower-cased ("application/json").</summary>
    public static string MediaType(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw ApiException.TooLarge(MaxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw ApiException.TooLarge(MaxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
