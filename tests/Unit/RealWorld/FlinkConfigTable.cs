namespace Cmf.UnitTests.RealWorld;

/// <summary>
/// Reads the Flink web UI's configuration table pasted as Markdown (<c>| **key** | value |</c> rows) into a map,
/// and Flink's map-typed option values (<c>k1:v1,k2:v2</c>, as <c>kubernetes.jobmanager.annotations</c> and
/// <c>kubernetes.jobmanager.owner.reference</c> are written).
/// </summary>
internal static class FlinkConfigTable
{
    /// <exception cref="FormatException">A line that is not a two-cell row, or a key given twice; the message gives the line.</exception>
    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('|');
            if (cells.Length != 4 || cells[0].Length != 0 || cells[3].Length != 0)
            {
                throw new FormatException($"configuration table line {number}: expected a row '| key | value |', found \"{line}\"");
            }
            var key = cells[1].Trim().Trim('*');
            if (key.Length == 0)
            {
                throw new FormatException($"configuration table line {number}: the key is empty");
            }
            if (!options.TryAdd(key, cells[2].Trim()))
            {
                throw new FormatException($"configuration table line {number}: the key {key} is given twice");
            }
        }
        return options;
    }

    /// <summary>A map option's value: entries separated by commas, each key and value separated by its first colon.</summary>
    /// <exception cref="FormatException">An entry without a colon.</exception>
    public static IReadOnlyDictionary<string, string> ReadMap(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"map option: expected key:value, found \"{entry}\"");
            }
            map[entry[..colon]] = entry[(colon + 1)..];
        }
        return map;
    }
}
