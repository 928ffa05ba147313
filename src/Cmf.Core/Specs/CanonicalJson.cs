using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>
/// The one spelling of a JSON document that hashes and diffs compare: object keys sorted by ordinal
/// (UTF-16) order, null-valued members removed at every depth, compact, numbers and strings exactly as
/// written (<c>1.0</c> stays <c>1.0</c>, <c>"2"</c> stays a string), Unicode literal (see
/// <see cref="CanonicalJsonEncoder"/>). Nulls inside arrays are kept: dropping them would shift the
/// positions of the other elements and change what the array means.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = CanonicalJsonEncoder.Instance,
        Indented = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Deeper documents are refused by the writer; Kubernetes specs stay far below this.</summary>
    public const int MaxDepth = 1000;

    public static string Serialize(JsonNode? node)
    {
        var buffer = CanonicalBuffer.Rent();
        try
        {
            Write(buffer, node);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            CanonicalBuffer.Return(buffer);
        }
    }

    public static byte[] SerializeToUtf8Bytes(JsonNode? node)
    {
        var buffer = CanonicalBuffer.Rent();
        try
        {
            Write(buffer, node);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            CanonicalBuffer.Return(buffer);
        }
    }

    public static void Write(IBufferWriter<byte> output, JsonNode? node)
    {
        using var writer = CreateWriter(output);
        Write(writer, node);
    }

    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                WriteObject(writer, obj);
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                // A parsed number keeps its original text; a string is re-escaped by the canonical encoder.
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A writer with the canonical escaping rules, for callers that write around a canonical value.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    private static void WriteObject(Utf8JsonWriter writer, JsonObject obj)
    {
        writer.WriteStartObject();
        var members = CanonicalOrder.Rent(obj, out var count);
        try
        {
            foreach (var (key, value) in members.AsSpan(0, count))
            {
                writer.WritePropertyName(key);
                Write(writer, value);
            }
        }
        finally
        {
            CanonicalOrder.Return(members, count);
        }
        writer.WriteEndObject();
    }
}
