using System.Text.RegularExpressions;

namespace Cmf.UnitTests.Storage;

/// <summary>One SQL query and the lines of its EXPLAIN QUERY PLAN.</summary>
internal sealed partial record QueryPlan(string Sql, IReadOnlyList<string> Details)
{
    /// <summary>The tables whose size grows with history; a full scan of one would grow with it.</summary>
    public static readonly string[] HistoryTables = ["Instances", "InstanceSpecs", "Clusters", "Events", "PrunedInstances"];

    /// <summary>The tables this plan reads by a full scan (of the table or of one of its indexes).</summary>
    public IEnumerable<string> ScannedTables()
    {
        var aliases = AliasPattern().Matches(Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
        foreach (var detail in Details)
        {
            var scan = ScanPattern().Match(detail);
            if (scan.Success)
            {
                var name = scan.Groups["name"].Value;
                yield return aliases.GetValueOrDefault(name, name);
            }
        }
    }

    public bool UsesIndex(string index) =>
        Details.Any(d => d.Contains($"USING INDEX {index} ", StringComparison.Ordinal)
            || d.Contains($"USING COVERING INDEX {index} ", StringComparison.Ordinal)
            || d.EndsWith($"USING INDEX {index}", StringComparison.Ordinal)
            || d.EndsWith($"USING COVERING INDEX {index}", StringComparison.Ordinal));

    public bool SortsWithoutIndex => Details.Any(d => d.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));

    public override string ToString() => Sql + Environment.NewLine + string.Join(Environment.NewLine, Details.Select(d => "  " + d));

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(?<table>\w+)""\s+AS\s+""(?<alias>\w+)""")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"^SCAN (?<name>\w+)")]
    private static partial Regex ScanPattern();
}
