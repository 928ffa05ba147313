using System.Net;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Api.Support;

/// <summary>One API answer as a client sees it.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string FirstError => Json["errors"]![0]!["message"]!.GetValue<string>();
}

public static class ApiCalls
{
    public static async Task<ApiAnswer> SendAsync(this HttpClient client, HttpMethod method, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    public static Task<ApiAnswer> GetApiAsync(this HttpClient client, string path, string? accept = null) =>
        client.SendAsync(HttpMethod.Get, path, accept);
}
