using System.Text.Json;

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
            .SelectMany(path => JsonSerializer.Deserialize<List<Figure>>(File.ReadAllText(path), Json) ?? [])
            .ToList();
}
