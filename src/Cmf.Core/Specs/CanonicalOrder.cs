using System.Buffers;
using System.Text.Json.Nodes;

namespace Cmf.Core.Specs;

/// <summary>An object's non-null members in canonical (ordinal) key order, in a pooled array.</summary>
internal static class CanonicalOrder
{
    private static readonly Comparison<KeyValuePair<string, JsonNode?>> ByKey =
        static (a, b) => string.CompareOrdinal(a.Key, b.Key);

    /// <summary>A null object has no members.</summary>
    public static KeyValuePair<string, JsonNode?>[] Rent(JsonObject? obj, out int count)
    {
        count = 0;
        if (obj is null || obj.Count == 0)
        {
            return [];
        }
        var members = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(obj.Count);
        var sorted = true;
        foreach (var member in obj)
        {
            if (member.Value is null)
            {
                continue;
            }
            if (count > 0 && string.CompareOrdinal(members[count - 1].Key, member.Key) > 0)
            {
                sorted = false;
            }
            members[count++] = member;
        }
        if (!sorted)
        {
            members.AsSpan(0, count).Sort(ByKey);
        }
        return members;
    }

    public static void Return(KeyValuePair<string, JsonNode?>[] members, int count)
    {
        if (members.Length > 0)
        {
            members.AsSpan(0, count).Clear();
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(members);
        }
    }
}
