using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>Reads request bodies with the API server's size limit and turns bad JSON into a 400.</summary>
internal static class RequestBody
{
    /// <summary>The API server refuses bodies over 3 MiB (etcd's default request limit).</summary>
    public const long MaxBytes = 3 * 1024 * 1024;

    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, bool required, CancellationToken ct)
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
        if (buffer.Length == 0)
        {
            return required ? throw ApiException.BadRequest("the request body is empty") : null;
        }
        try
        {
            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded as JSON: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadJsonAsync(request, required: true, ct) as JsonObject
        ?? throw ApiException.BadRequest("the body of the request must be a JSON object");

    /// <summary>The media type without parameters, lower-cased ("application/json").</summary>
    public static string MediaType(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }
}
