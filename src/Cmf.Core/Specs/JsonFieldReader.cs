using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>
/// Typed access to fields of an untrusted object. The first problem is kept as <see cref="Error"/>
/// (path first); after that every accessor still returns a harmless default, so a reader can go on
/// without checks after each field and look at <see cref="Error"/> once at the end.
/// </summary>
internal sealed class JsonFieldReader
{
    // DateTimeOffset's range in Unix milliseconds: 0001-01-01 to 9999-12-31.
    private const long MinEpochMilliseconds = -62_135_596_800_000;
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    public static IReadOnlyDictionary<string, string> EmptyMap { get; } = FrozenDictionary<string, string>.Empty;

    public string? Error { get; private set; }

    public void Fail(string path, string problem) => Error ??= path + ": " + problem;

    public JsonObject? Object(JsonObject? parent, string parentPath, string key, bool required = false)
    {
        var node = Field(parent, parentPath, key, required);
        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }
        WrongKind(parentPath, key, "an object", node);
        return null;
    }

    public string? String(JsonObject? parent, string parentPath, string key, bool required = false)
    {
        var node = Field(parent, parentPath, key, required);
        if (node is null)
        {
            return null;
        }
        if (JsonScalars.TryGetString(node, out var value))
        {
            if (required && value.Length == 0)
            {
                Fail(JsonPathText.Child(parentPath, key), "must not be empty");
            }
            return value;
        }
        WrongKind(parentPath, key, "a string", node);
        return null;
    }

    public long? Integer(JsonObject? parent, string parentPath, string key)
    {
        var node = Field(parent, parentPath, key, required: false);
        if (node is null)
        {
            return null;
        }
        if (JsonScalars.TryGetInt64(node, out var value))
        {
            return value;
        }
        WrongKind(parentPath, key, "an integer", node);
        return null;
    }

    /// <summary>Checks the field is a JSON number when present.</summary>
    public void Number(JsonObject? parent, string parentPath, string key)
    {
        var node = Field(parent, parentPath, key, required: false);
        if (node is not null && !JsonScalars.IsNumber(node))
        {
            WrongKind(parentPath, key, "a number", node);
        }
    }

    /// <summary>A map of strings to strings, such as labels and annotations; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> StringMap(JsonObject? parent, string parentPath, string key)
    {
        var map = Object(parent, parentPath, key);
        if (map is null || map.Count == 0)
        {
            return EmptyMap;
        }
        var path = JsonPathText.Child(parentPath, key);
        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (name, node) in map)
        {
            if (JsonScalars.TryGetString(node, out var value))
            {
                result[name] = value;
            }
            else
            {
                WrongKind(path, name, "a string", node);
                return EmptyMap;
            }
        }
        return result;
    }

    /// <summary>An RFC 3339 time such as <c>metadata.creationTimestamp</c>.</summary>
    public DateTimeOffset? Timestamp(JsonObject? parent, string parentPath, string key)
    {
        var text = String(parent, parentPath, key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        Fail(JsonPathText.Child(parentPath, key), "expected an RFC 3339 time");
        return null;
    }

    /// <summary>Epoch milliseconds, which the operator writes as a number or as a string of digits.</summary>
    public DateTimeOffset? EpochMilliseconds(JsonObject? parent, string parentPath, string key)
    {
        var node = Field(parent, parentPath, key, required: false);
        long milliseconds;
        if (node is null)
        {
            return null;
        }
        if (JsonScalars.TryGetString(node, out var text))
        {
            if (text.Length == 0)
            {
                return null;
            }
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds))
            {
                Fail(JsonPathText.Child(parentPath, key), "expected epoch milliseconds, found a string that is not an integer");
                return null;
            }
        }
        else if (!JsonScalars.TryGetInt64(node, out milliseconds))
        {
            WrongKind(parentPath, key, "epoch milliseconds", node);
            return null;
        }
        if (milliseconds is < MinEpochMilliseconds or > MaxEpochMilliseconds)
        {
            Fail(JsonPathText.Child(parentPath, key), "epoch milliseconds out of range");
            return null;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private JsonNode? Field(JsonObject? parent, string parentPath, string key, bool required)
    {
        var node = parent?[key];
        if (node is null && required)
        {
            Fail(JsonPathText.Child(parentPath, key), "missing");
        }
        return node;
    }

    private void WrongKind(string parentPath, string key, string expected, JsonNode? found) =>
        Fail(JsonPathText.Child(parentPath, key), "expected " + expected + ", found " + JsonScalars.Describe(found));
}
