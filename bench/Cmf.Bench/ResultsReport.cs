using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cmf.Bench;

/// <summary>Writes the results table of every part between the markers in bench/README.md.</summary>
public static class ResultsReport
{
    private const string Start = "<!-- results:start -->";
    private const string End = "<!-- results:end -->";

    public static async Task WriteAsync(BenchContext context)
    {
        var figures = ResultsFile.ReadAll(context);
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Table written {DateTime.UtcNow:yyyy-MM-dd} at commit `{Git(context, "rev-parse --short HEAD")}` on {Machine()}, from `bench/results`: each part's figures come from its last full run on this machine kind (`bench/run.sh <part>`), each with the machine's 1-minute load average when it was taken (2 cores: above 2 the bench shared them).")
            .AppendLine()
            .AppendLine("| part | figure | value | baseline (same run) | ratio | target | met | load (1 min) | measured (UTC) |")
            .AppendLine("|---|---|---:|---|---:|---|---|---:|---|");
        foreach (var figure in figures)
        {
            table.AppendLine(Row(figure));
        }

        var readme = Path.Combine(context.RepositoryRoot, "bench", "README.md");
        var text = await File.ReadAllTextAsync(readme);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{readme} lacks the {Start} / {End} markers");
        }
        var updated = text[..(from + Start.Length)] + "\n" + table + text[to..];
        await File.WriteAllTextAsync(readme, updated);
        Console.WriteLine($"bench: {figures.Count} figures written to {readme}");
    }

    public static string Row(Figure f)
    {
        var baseline = f.Baseline is { } b ? $"{Number(b)} {f.Unit} ({f.BaselineName})" : "";
        var ratio = f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
        var met = f.Met switch { true => "yes", false => "**no**", null => "" };
        var note = f.Note is null ? "" : $" ({f.Note})";
        var load = f.LoadAverage is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) : "not recorded";
        var measured = f.MeasuredAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        return $"| {f.Part} | {f.Name}{note} | {Number(f.Value)} {f.Unit} | {baseline} | {ratio} | {f.Target} | {met} | {load} | {measured} |";
    }

    private static string Number(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memoryGiB:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string Git(BenchContext context, string arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = context.RepositoryRoot, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
}
