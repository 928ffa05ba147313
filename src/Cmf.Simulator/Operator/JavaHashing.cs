namespace Cmf.Simulator.Operator;

/// <summary>How the JVM hashes the operator's strings, where the result shows: event names and HashSet iteration order.</summary>
internal static class JavaHashing
{
    /// <summary>java.lang.String.hashCode.</summary>
    public static int StringHash(string text)
    {
        var hash = 0;
        foreach (var c in text)
        {
            hash = unchecked((31 * hash) + c);
        }
        return hash;
    }

    /// <summary>
    /// The iteration order of a java.util.HashSet after adding <paramref name="keys"/> in this order to a new one: by
    /// bucket (the spread hash masked by the table size, which doubles past a load of 0.75 from 16), then by insertion.
    /// </summary>
    public static List<string> HashSetOrder(IReadOnlyList<string> keys)
    {
        var capacity = 16;
        while (keys.Count > capacity * 3 / 4)
        {
            capacity *= 2;
        }
        return [.. keys.Select((key, index) => (Key: key, Index: index))
            .OrderBy(k => Bucket(k.Key, capacity))
            .ThenBy(k => k.Index)
            .Select(k => k.Key)];
    }

    private static int Bucket(string key, int capacity)
    {
        var hash = StringHash(key);
        return (hash ^ (int)((uint)hash >> 16)) & (capacity - 1);
    }
}
