using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Json;

/// <summary>
/// Parses and writes JSON as deep as a real API server does. Its decoder (sigs.k8s.io/json, like Go's encoding/json)
/// refuses nesting deeper than <c>maxNestingDepth = 10000</c> and accepts everything up to it, so an object nested 90
/// levels deep is stored and served; System.Text.Json's defaults would stop at 64. Every request body, stored object
/// and response of the simulator goes through here.
/// </summary>
internal static class ApiServerJson
{
    public const int MaxDepth = 10_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    // Answers wrap stored objects (a watch event, a Table row's object, a ground-truth record): a few levels more.
    private static readonly JsonSerializerOptions WriteOptions = new() { MaxDepth = MaxDepth + 8 };

    /// <summary>Parses UTF-8 JSON; deeper than <see cref="MaxDepth"/> is a <see cref="JsonException"/>, as the API server's 400.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8Json) => JsonNode.Parse(utf8Json, documentOptions: DocumentOptions);

    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: DocumentOptions);

    public static byte[] SerializeToUtf8Bytes(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, WriteOptions);

    public static string Serialize(JsonNode? node) => node?.ToJsonString(WriteOptions) ?? "null";
}
