using System.Text.Json.Nodes;
using Cmf.Simulator.Json;

namespace Cmf.Simulator.Store;

/// <summary>
/// One committed version of an object. Immutable: the serialized JSON is the source of truth and
/// callers parse a fresh, mutable copy when they need to change it.
/// </summary>
internal sealed class StoredObject
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private StoredObject(ResourceType type, ObjectKey key, byte[] json, JsonObject parsed)
    {
        Type = type;
        Key = key;
        Json = json;
        var metadata = parsed["metadata"] as JsonObject;
        Uid = metadata?["uid"]?.GetValue<string>() ?? "";
        ResourceVersion = long.TryParse(metadata?["resourceVersion"]?.GetValue<string>(), out var rv) ? rv : 0;
        Generation = metadata?.LongAt("generation") ?? 0;
        IsTerminating = metadata?["deletionTimestamp"] is not null;
        Labels = metadata?["labels"] is JsonObject labels
            ? labels.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString())
            : NoLabels;
    }

    public ResourceType Type { get; }

    public ObjectKey Key { get; }

    public string Namespace => Key.Namespace;

    public string Name => Key.Name;

    public string Uid { get; }

    public long ResourceVersion { get; }

    public long Generation { get; }

    public bool IsTerminating { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>UTF-8 JSON of the whole object, ready to be written to a response.</summary>
    public byte[] Json { get; }

    public JsonObject ToJsonObject() => ApiServerJson.Parse(Json)!.AsObject();

    public static StoredObject From(ResourceType type, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var key = new ObjectKey(metadata?["namespace"]?.GetValue<string>() ?? "", metadata?["name"]?.GetValue<string>() ?? "");
        var json = ApiServerJson.SerializeToUtf8Bytes(obj);
        return new StoredObject(type, key, json, obj);
    }
}
