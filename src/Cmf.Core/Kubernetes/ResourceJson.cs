using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmf.Core.Json;
using k8s;
using k8s.Models;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// Reads Kubernetes list bodies and watch lines one object at a time. A list is split into its items, and a watch line
/// into its type and object, by a reader that only skips over them (one bit of state a level, no recursion), so it
/// follows any nesting the API server accepts. Each object is then parsed on its own: one too deep to parse is one
/// <see cref="ApiObject.Unreadable"/> object, and the rest of the list or watch is read as usual.
/// </summary>
internal static class ResourceJson
{
    /// <summary>
    /// Objects nested deeper are not parsed. 64 is System.Text.Json's default, the limit KubernetesClient read objects
    /// with, so every object readable before still is. Real FlinkDeployments are far shallower: the CRD's deepest field
    /// is 16 levels down (only <c>flinkConfiguration</c> is free-form), the captured ones in reference/ reach 9.
    /// </summary>
    public const int MaxObjectDepth = 64;

    /// <summary>
    /// The API server decodes no deeper JSON (sigs.k8s.io/json and encoding/json: <c>maxNestingDepth = 10000</c>), so it
    /// stores and serves no deeper object.
    /// </summary>
    public const int ApiServerMaxDepth = 10_000;

    /// <summary>
    /// The longest watch line read. An event is one object plus a few bytes, and the API server accepts request bodies
    /// of 3 MiB (etcd's default request limit is 1.5 MiB); a longer line ends the watch instead of filling memory.
    /// </summary>
    public const int MaxWatchLineBytes = 64 * 1024 * 1024;

    // A list's items are two levels down ({"items":[...]}), a watch event's object one.
    private static readonly JsonReaderOptions EnvelopeOptions = new() { MaxDepth = ApiServerMaxDepth + 2 };

    private static readonly JsonDocumentOptions ObjectOptions = new() { MaxDepth = MaxObjectDepth };

    /// <summary>Lists at least this long are parsed on several threads; shorter ones are not worth the hand-off.</summary>
    private const int ParallelParseThreshold = 64;

    /// <summary>The objects of a list body and the list's resourceVersion; items that are not objects are left out.</summary>
    public static (IReadOnlyList<ApiObject> Items, string ResourceVersion) ReadList(ReadOnlySpan<byte> body, bool metadataOnly)
    {
        var bytes = body.ToArray();
        var envelope = ReadListEnvelope(bytes);
        return (ReadItems(bytes, envelope.Items, metadataOnly), envelope.ResourceVersion);
    }

    /// <summary>
    /// Where a list body's objects are, its resourceVersion and the token of the next page (null on the last): a quick
    /// pass that parses no object, so the next page can be asked for while this one's objects are read.
    /// </summary>
    public static ListEnvelope ReadListEnvelope(byte[] body)
    {
        var reader = new Utf8JsonReader(body, EnvelopeOptions);
        var items = new List<Range>();
        var resourceVersion = "";
        string? next = null;
        ReadStartObject(ref reader, "list");
        while (NextProperty(ref reader) is { } property)
        {
            if (property == "items" && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var isObject = reader.TokenType == JsonTokenType.StartObject;
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (isObject)
                    {
                        items.Add(start..(int)reader.BytesConsumed);
                    }
                }
            }
            else if (property == "metadata" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (NextProperty(ref reader) is { } field)
                {
                    if (field == "resourceVersion" && reader.TokenType == JsonTokenType.String)
                    {
                        resourceVersion = reader.GetString()!;
                    }
                    else if (field == "continue" && reader.TokenType == JsonTokenType.String)
                    {
                        next = reader.GetString() is { Length: > 0 } token ? token : null;
                    }
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return new ListEnvelope(items, resourceVersion, next);
    }

    /// <summary>Parses the objects <see cref="ReadListEnvelope"/> found, in their order; a long list on several threads.</summary>
    public static ApiObject[] ReadItems(byte[] body, IReadOnlyList<Range> items, bool metadataOnly)
    {
        var parsed = new ApiObject[items.Count];
        if (items.Count < ParallelParseThreshold)
        {
            for (var i = 0; i < parsed.Length; i++)
            {
                parsed[i] = Read(body.AsSpan(items[i]), metadataOnly);
            }
            return parsed;
        }
        Parallel.For(0, parsed.Length, ListParallelism.Options, i => parsed[i] = Read(body.AsSpan(items[i]), metadataOnly));
        return parsed;
    }

    /// <summary>
    /// One line of a watch: its type and object, or null for a blank line or a type this version does not know. An
    /// <c>ERROR</c> event ends the watch: its Status is thrown as a <see cref="KubernetesException"/>.
    /// </summary>
    public static (WatchEventType Type, ApiObject Object)? ReadWatchEvent(ReadOnlySequence<byte> line, bool metadataOnly)
    {
        ReadOnlySpan<byte> json = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        json = json.Trim(" \t\r"u8);
        if (json.IsEmpty)
        {
            return null;
        }
        var reader = new Utf8JsonReader(json, EnvelopeOptions);
        string? type = null;
        var (objectStart, objectLength) = (0, 0);
        ReadStartObject(ref reader, "watch event");
        while (NextProperty(ref reader) is { } property)
        {
            if (property == "type" && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (property == "object" && reader.TokenType == JsonTokenType.StartObject)
            {
                objectStart = (int)reader.TokenStartIndex;
                reader.Skip();
                objectLength = (int)reader.BytesConsumed - objectStart;
            }
            else
            {
                reader.Skip();
            }
        }
        if (objectLength == 0)
        {
            throw new JsonException($"A watch event of type {type ?? "(none)"} has no object.");
        }
        var obj = json.Slice(objectStart, objectLength);
        return type switch
        {
            "ADDED" => (WatchEventType.Added, Read(obj, metadataOnly)),
            "MODIFIED" => (WatchEventType.Modified, Read(obj, metadataOnly)),
            "DELETED" => (WatchEventType.Deleted, Read(obj, metadataOnly)),
            "BOOKMARK" => (WatchEventType.Bookmark, Read(obj, metadataOnly)),
            "ERROR" => throw StatusError(Read(obj, metadataOnly: false).Json),
            _ => null,
        };
    }

    /// <summary>
    /// One object: parsed whole, or with <paramref name="metadataOnly"/> (or when nested too deep to parse) only its
    /// identity.
    /// </summary>
    public static ApiObject Read(ReadOnlySpan<byte> json, bool metadataOnly)
    {
        if (metadataOnly)
        {
            return new ApiObject(Identity(json));
        }
        try
        {
            return new ApiObject(JsonNode.Parse(json, documentOptions: ObjectOptions)!.AsObject());
        }
        catch (JsonException e)
        {
            return new ApiObject(Identity(json), Reason(json, e));
        }
    }

    /// <summary>How many objects and arrays deep the document nests (<c>{}</c> is 1).</summary>
    public static int Depth(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, EnvelopeOptions);
        var depth = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth = Math.Max(depth, reader.CurrentDepth + 1);
            }
        }
        return depth;
    }

    private static string Reason(ReadOnlySpan<byte> json, JsonException exception)
    {
        var depth = Depth(json);
        return depth > MaxObjectDepth
            ? string.Create(CultureInfo.InvariantCulture, $"nested {depth} levels deep; objects are read up to {MaxObjectDepth} levels")
            : UnreadableJson.Reason(exception);
    }

    /// <summary>
    /// <c>apiVersion</c>, <c>kind</c> and every <c>metadata</c> field but <c>managedFields</c> (it mirrors the shape of the
    /// whole object, so it is as deep); fields that cannot be parsed within the depth limit are left out.
    /// </summary>
    private static JsonObject Identity(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, EnvelopeOptions);
        var identity = new JsonObject();
        ReadStartObject(ref reader, "object");
        while (NextProperty(ref reader) is { } property)
        {
            if (property is "apiVersion" or "kind" && reader.TokenType == JsonTokenType.String)
            {
                identity[property] = reader.GetString();
            }
            else if (property == "metadata" && reader.TokenType == JsonTokenType.StartObject)
            {
                var metadata = new JsonObject();
                while (NextProperty(ref reader) is { } field)
                {
                    var value = SkipValue(ref reader, json);
                    if (field != "managedFields" && TryParse(value, out var node))
                    {
                        metadata[field] = node;
                    }
                }
                identity["metadata"] = metadata;
            }
            else
            {
                reader.Skip();
            }
        }
        return identity;
    }

    private static bool TryParse(ReadOnlySpan<byte> json, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(json, documentOptions: ObjectOptions);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    private static KubernetesException StatusError(JsonObject status) => new(new V1Status
    {
        Code = JsonScalars.TryGetInt64(status["code"], out var code) ? (int)code : null,
        Reason = JsonScalars.AsString(status["reason"]),
        Message = JsonScalars.AsString(status["message"]),
        Status = JsonScalars.AsString(status["status"]),
    });

    private static void ReadStartObject(ref Utf8JsonReader reader, string what)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for the {what}.");
        }
    }

    /// <summary>Moves to the next property's value and returns its name; null at the end of the object.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return null;
        }
        var name = reader.GetString();
        reader.Read();
        return name;
    }

    /// <summary>Skips the value the reader is on and returns its JSON text.</summary>
    private static ReadOnlySpan<byte> SkipValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }
}

/// <summary>A list body read without its objects: where each object is, the list's resourceVersion, the next page's token.</summary>
internal sealed record ListEnvelope(IReadOnlyList<Range> Items, string ResourceVersion, string? Continue);
