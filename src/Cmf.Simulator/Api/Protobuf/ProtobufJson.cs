using System.Text;
using System.Text.Json.Nodes;

namespace Cmf.Simulator.Api.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON the API server would have received, following a
/// <see cref="ProtobufMessage"/> description. Unknown fields are skipped, as Kubernetes' generated
/// decoders do; empty values are left out, as Go's <c>omitempty</c> JSON encoding of those types does.
/// </summary>
internal static class ProtobufJson
{
    // metav1.Time's range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonObject ToObject(ReadOnlySpan<byte> bytes, ProtobufMessage message)
    {
        var obj = new JsonObject();
        var reader = new ProtobufWireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (message.Find(number) is not { } field)
            {
                reader.Skip(wireType);
                continue;
            }
            RequireWireType(message, field, wireType);
            if (field.Kind == ProtobufFieldKind.StringMap)
            {
                var map = obj[field.JsonName] as JsonObject ?? (JsonObject)(obj[field.JsonName] = new JsonObject());
                var (key, value) = ReadMapEntry(reader.ReadLengthDelimited(), message, field);
                map[key] = value;
            }
            else if (field.Repeated)
            {
                var array = obj[field.JsonName] as JsonArray ?? (JsonArray)(obj[field.JsonName] = new JsonArray());
                array.Add(ReadValue(ref reader, message, field));
            }
            else
            {
                // A scalar or message seen twice: the last one wins, as in every protobuf decoder.
                obj[field.JsonName] = ReadValue(ref reader, message, field);
            }
        }
        return WithoutEmptyValues(obj);
    }

    private static JsonNode? ReadValue(ref ProtobufWireReader reader, ProtobufMessage message, ProtobufField field) => field.Kind switch
    {
        ProtobufFieldKind.String => ReadString(reader.ReadLengthDelimited(), message, field),
        ProtobufFieldKind.Int64 => (long)reader.ReadVarint(),
        ProtobufFieldKind.Int32 => ReadInt32(reader.ReadVarint(), message, field),
        ProtobufFieldKind.Bool => reader.ReadVarint() != 0,
        ProtobufFieldKind.Message => ToObject(reader.ReadLengthDelimited(), field.Message!),
        ProtobufFieldKind.Time => ReadTime(reader.ReadLengthDelimited(), message, field),
        _ => throw new ProtobufFormatException($"{message.Name}.{field.JsonName} has no decoder"),
    };

    private static string ReadString(ReadOnlySpan<byte> bytes, ProtobufMessage message, ProtobufField field)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ProtobufFormatException($"{message.Name}.{field.JsonName} is not valid UTF-8");
        }
    }

    private static int ReadInt32(ulong varint, ProtobufMessage message, ProtobufField field)
    {
        // Negative int32 values are sign-extended to 64 bits on the wire.
        var value = (long)varint;
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ProtobufFormatException($"{message.Name}.{field.JsonName} does not fit in 32 bits");
    }

    private static (string Key, string Value) ReadMapEntry(ReadOnlySpan<byte> entry, ProtobufMessage message, ProtobufField field)
    {
        string key = "", value = "";
        var reader = new ProtobufWireReader(entry);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number is 1 or 2 && wireType != ProtobufWireType.LengthDelimited)
            {
                throw new ProtobufFormatException($"an entry of {message.Name}.{field.JsonName} has a {number switch { 1 => "key", _ => "value" }} that is not a string");
            }
            switch (number)
            {
                case 1:
                    key = ReadString(reader.ReadLengthDelimited(), message, field);
                    break;
                case 2:
                    value = ReadString(reader.ReadLengthDelimited(), message, field);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        return (key, value);
    }

    private static string? ReadTime(ReadOnlySpan<byte> bytes, ProtobufMessage message, ProtobufField field)
    {
        long seconds = 0, nanos = 0;
        var reader = new ProtobufWireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number is 1 or 2 && wireType != ProtobufWireType.Varint)
            {
                throw new ProtobufFormatException($"{message.Name}.{field.JsonName} is not a time");
            }
            switch (number)
            {
                case 1:
                    seconds = (long)reader.ReadVarint();
                    break;
                case 2:
                    nanos = (long)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        if (seconds == 0 && nanos == 0)
        {
            return null; // Go's zero time: the JSON encoding writes null, and the server fills in its own.
        }
        if (seconds is < MinSeconds or > MaxSeconds || nanos is < 0 or > 999_999_999)
        {
            throw new ProtobufFormatException($"{message.Name}.{field.JsonName} is out of range");
        }
        return KubernetesTime.Format(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private static void RequireWireType(ProtobufMessage message, ProtobufField field, ProtobufWireType actual)
    {
        var expected = field.Kind is ProtobufFieldKind.Int64 or ProtobufFieldKind.Int32 or ProtobufFieldKind.Bool
            ? ProtobufWireType.Varint
            : ProtobufWireType.LengthDelimited;
        if (actual != expected)
        {
            throw new ProtobufFormatException($"field {field.Number} of {message.Name} ({field.JsonName}) has wire type {actual}, expected {expected}");
        }
    }

    private static JsonObject WithoutEmptyValues(JsonObject obj)
    {
        foreach (var key in obj.Where(p => IsEmpty(p.Value)).Select(p => p.Key).ToList())
        {
            obj.Remove(key);
        }
        return obj;
    }

    // Booleans stay even when false: the pointer fields that carry them (ownerReferences' controller) are sent only when set.
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        JsonValue v when v.TryGetValue<int>(out var i) => i == 0,
        _ => false,
    };
}
