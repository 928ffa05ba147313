using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cmf.Simulator.Json;
using Cmf.Simulator.Store;
using Microsoft.AspNetCore.Http;

namespace Cmf.Simulator.Api;

/// <summary>Writes JSON answers the way the API server does.</summary>
internal static class ApiResponses
{
    public const string Json = "application/json";

    public static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode node) =>
        WriteBytesAsync(context, statusCode, ApiServerJson.SerializeToUtf8Bytes(node));

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, byte[] body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) =>
        WriteJsonAsync(context, error.Code, StatusObject.From(error));

    public static Task WriteTextAsync(HttpContext context, string text)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>A list response assembled from the stored JSON of each item, without re-serializing them.</summary>
    public static async Task WriteListAsync(
        HttpContext context, ResourceType type, IReadOnlyList<StoredObject> items, long resourceVersion, string? next = null, long? remainingItemCount = null)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        ListRequest.SetPaging(metadata, next, remainingItemCount);
        var head = Encoding.UTF8.GetBytes(
            $"{{\"apiVersion\":\"{type.ApiVersion}\",\"kind\":\"{type.ListKind}\",\"metadata\":{metadata.ToJsonString()},\"items\":[");
        var body = context.Response.Body;
        var ct = context.RequestAborted;
        await body.WriteAsync(head, ct);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                await body.WriteAsync(","u8.ToArray(), ct);
            }
            await body.WriteAsync(items[i].Json, ct);
        }
        await body.WriteAsync("]}"u8.ToArray(), ct);
    }
}
