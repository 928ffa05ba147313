namespace Cmf.UnitTests.Architecture;

/// <summary>Checks layer references against a table of what each layer may name.</summary>
internal static class LayerRules
{
    /// <summary>The references the table does not allow; a layer missing from the table may name nothing.</summary>
    public static IReadOnlyList<LayerReference> Violations(IEnumerable<LayerReference> references, IReadOnlyDictionary<string, string[]> allowed) =>
        references.Where(r => !allowed.TryGetValue(r.From, out var may) || !may.Contains(r.To, StringComparer.Ordinal)).ToList();

    /// <summary>A cycle of the table (as "A -> B -> A"), or null when it has none.</summary>
    public static string? Cycle(IReadOnlyDictionary<string, string[]> allowed)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in allowed.Keys)
        {
            if (CycleFrom(start, allowed, [], done) is { } cycle)
            {
                return cycle;
            }
        }
        return null;
    }

    private static string? CycleFrom(string layer, IReadOnlyDictionary<string, string[]> allowed, List<string> path, HashSet<string> done)
    {
        var at = path.IndexOf(layer);
        if (at >= 0)
        {
            return string.Join(" -> ", path.Skip(at).Append(layer));
        }
        if (done.Contains(layer))
        {
            return null;
        }
        path.Add(layer);
        foreach (var next in allowed.GetValueOrDefault(layer) ?? [])
        {
            if (CycleFrom(next, allowed, path, done) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        done.Add(layer);
        return null;
    }
}
