using System.Text;
using System.Text.Json;
using Cmf.Core.Feed;
using Cmf.Core.Model;

namespace Cmf.Core.Storage.PostgreSql;

/// <summary>
/// The NOTIFY payloads of one commit: the changed application keys and instance UIDs as JSON, split into as many
/// notifications as the 8000-byte payload limit needs; a commit that would need more than <see cref="MaxNotifications"/>
/// sends one resync notice instead (every subscriber re-reads what it shows).
/// </summary>
internal static class ChangeNotification
{
    public const string Channel = "cmf_changes";

    public const string Resync = "{\"resync\":true}";

    // PostgreSQL refuses payloads of 8000 bytes or more; leave room for the JSON around the keys.
    internal const int MaxPayloadBytes = 7900;

    internal const int MaxNotifications = 16;

    public static IReadOnlyList<string> Encode(ChangeSet changes)
    {
        var payloads = new List<string>();
        var applications = new List<string[]>();
        var uids = new List<string>();
        var size = 0;
        void Flush()
        {
            if (applications.Count + uids.Count > 0)
            {
                payloads.Add(JsonSerializer.Serialize(new Payload(applications.ToArray(), uids.ToArray())));
                applications.Clear();
                uids.Clear();
                size = 0;
            }
        }
        bool Fits(int itemBytes)
        {
            if (itemBytes > MaxPayloadBytes - 32)
            {
                return false;
            }
            if (size + itemBytes > MaxPayloadBytes - 32)
            {
                Flush();
            }
            size += itemBytes;
            return true;
        }
        foreach (var key in changes.Applications)
        {
            if (!Fits(Bytes(key.Environment) + Bytes(key.Name) + 8))
            {
                return [Resync];
            }
            applications.Add([key.Environment, key.Name]);
        }
        foreach (var uid in changes.InstanceUids)
        {
            if (!Fits(Bytes(uid) + 4))
            {
                return [Resync];
            }
            uids.Add(uid);
        }
        Flush();
        return payloads.Count > MaxNotifications ? [Resync] : payloads;
    }

    /// <summary>The changes a payload names; null for a resync notice or a payload this version cannot read.</summary>
    public static ChangeSet? Decode(string payload)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<Payload>(payload);
            if (decoded is null || decoded.Resync || decoded.A is null || decoded.I is null || decoded.A.Any(k => k is not [_, _]))
            {
                return null;
            }
            return new ChangeSet([.. decoded.A.Select(k => new ApplicationKey(k[0], k[1]))], decoded.I);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Escapes may make a character longer in JSON: count the worst case of the escaped text.
    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(text));

    private sealed record Payload(
        [property: System.Text.Json.Serialization.JsonPropertyName("a")] string[][]? A,
        [property: System.Text.Json.Serialization.JsonPropertyName("i")] string[]? I)
    {
        [System.Text.Json.Serialization.JsonPropertyName("resync")]
        public bool Resync { get; init; }
    }
}
