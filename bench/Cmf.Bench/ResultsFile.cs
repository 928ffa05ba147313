using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmf.Bench;

/// <summary>Each part writes bench/results/&lt;part&gt;.json; the report reads them all.</summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task WriteAsync(BenchContext context, string part, IReadOnlyList<Figure> figures)
    {
        var path = Path.Combine(context.ResultsDirectory, $"{part}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(figures, Json));
        foreach (var figure in figures)
        {
            Console.WriteLine(ResultsReport.Row(figure));
        }
        Console.WriteLine($"bench: {figures.Count} figures written to {path}");
    }

    public static IReadOnlyList<Figure> ReadAll(BenchContext context) =>
        Directory.EnumerateFiles(context.ResultsDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => Read(File.ReadAllText(path)))
            .ToList();

    /// <summary>
    /// A figure written before the load average and the time were kept reads back with both null, not with the
    /// reader's own load and time (which the properties' initialisers would give it).
    /// </summary>
    public static IReadOnlyList<Figure> Read(string json)
    {
        var figures = JsonNode.Parse(json) as JsonArray ?? [];
        foreach (var figure in figures.OfType<JsonObject>())
        {
            foreach (var kept in new[] { nameof(Figure.LoadAverage), nameof(Figure.MeasuredAt) })
            {
                if (!figure.ContainsKey(kept))
                {
                    figure[kept] = null;
                }
            }
        }
        return figures.Deserialize<List<Figure>>(Json) ?? [];
    }
}
