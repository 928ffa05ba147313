using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Plain HTTP against the simulated API server, for requests a typed client would refuse to send.</summary>
internal sealed class SimulatorHttp(Uri baseUrl, string? userAgent = null) : IDisposable
{
    public const string FlinkDeployments = "/apis/flink.apache.org/v1beta1/namespaces/default/flinkdeployments";

    /// <summary>The nesting the API server's JSON decoder accepts (sigs.k8s.io/json, <c>maxNestingDepth</c>).</summary>
    public const int ApiServerMaxDepth = 10_000;

    // Bodies and answers as deep as a real API server takes and serves, with room for a list or Status around them.
    private static readonly JsonSerializerOptions WriteOptions = new() { MaxDepth = ApiServerMaxDepth + 8 };
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = ApiServerMaxDepth + 8 };

    private readonly HttpClient _client = Client(baseUrl, userAgent);

    /// <summary>An answer: its status, its body parsed (when it is a JSON object) and as sent, and its headers.</summary>
    public sealed record Response(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseHeaders Headers)
    {
        public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException("The response is not a JSON object.");

        public string? Reason => Body?["reason"]?.GetValue<string>();
    }

    public Task<Response> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Response> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString(WriteOptions));

    public Task<Response> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body.ToJsonString(WriteOptions));

    public Task<Response> MergePatchAsync(string path, JsonNode patch) =>
        SendAsync(HttpMethod.Patch, path, patch.ToJsonString(), "application/merge-patch+json");

    public Task<Response> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Sends <paramref name="body"/> as <paramref name="contentType"/>; a null content type sends the body without a Content-Type header.</summary>
    public Task<Response> SendAsync(HttpMethod method, string path, string? body = null, string? contentType = "application/json", string? accept = null) =>
        SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8), contentType, accept);

    /// <summary>Posts raw bytes, such as a protobuf body, with the given content type.</summary>
    public Task<Response> PostBytesAsync(string path, byte[] body, string contentType, string? accept = null) =>
        SendAsync(HttpMethod.Post, path, new ByteArrayContent(body), contentType, accept);

    private async Task<Response> SendAsync(HttpMethod method, string path, HttpContent? content, string? contentType, string? accept)
    {
        using var request = new HttpRequestMessage(method, path);
        if (content is not null)
        {
            request.Content = content;
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text, documentOptions: ReadOptions) : null;
        return new Response(response.StatusCode, json, text, response.Headers);
    }

    /// <summary>The cluster's current resource version, as a list reports it.</summary>
    public async Task<long> ResourceVersionAsync(string path = FlinkDeployments)
    {
        var list = await GetAsync(path);
        return long.Parse(list.Object["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient Client(Uri baseUrl, string? userAgent)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
        return client;
    }
}
