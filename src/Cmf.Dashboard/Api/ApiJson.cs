using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cmf.Core.Specs;

namespace Cmf.Dashboard.Api;

/// <summary>
/// How API bodies are written: camelCase, nulls left out, deep enough for any spec the store accepts. Quotes and
/// non-ASCII text are written as themselves: the bodies are JSON served with nosniff, never pasted into HTML.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = CanonicalJson.MaxDepth + 16,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
