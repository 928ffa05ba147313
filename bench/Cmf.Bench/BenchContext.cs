namespace Cmf.Bench;

/// <summary>
/// What every part needs: where results go, where the repository is, whether this is a quick smoke run, and the sizes
/// a part with a cost curve runs at when <c>--sizes=1000,10000</c> asks for others than its own.
/// </summary>
public sealed record BenchContext(string RepositoryRoot, string ResultsDirectory, bool Quick)
{
    private const string SizesFlag = "--sizes=";

    /// <summary>Sizes asked on the command line (FlinkDeployments), ascending; null when none were asked.</summary>
    public IReadOnlyList<int>? Sizes { get; init; }

    public static BenchContext FromArgs(string[] args)
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory);
        var quick = args.Contains("--quick");
        var sizes = args.LastOrDefault(a => a.StartsWith(SizesFlag, StringComparison.Ordinal)) is { } flag
            ? ParseSizes(flag[SizesFlag.Length..])
            : null;
        // A smoke run's figures are not comparable: they go beside the real ones, never over them.
        var results = quick ? Path.Combine(root, "bench", "results", "quick") : Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(results);
        return new BenchContext(root, results, quick) { Sizes = sizes };
    }

    /// <summary>"1000,10k,50000" -> 1000, 10000, 50000; a clear error for anything else.</summary>
    public static IReadOnlyList<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var thousands = item.EndsWith('k') || item.EndsWith('K');
            var digits = thousands ? item[..^1] : item.Replace("_", "", StringComparison.Ordinal);
            if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
                || size is < 1 or > 1_000_000 || (thousands && size > 1_000))
            {
                throw new ArgumentException($"--sizes: '{item}' is not a number of FlinkDeployments between 1 and 1,000,000 (e.g. --sizes=1000,10000,50000 or --sizes=1k,10k).");
            }
            sizes.Add(thousands ? size * 1_000 : size);
        }
        if (sizes.Count == 0)
        {
            throw new ArgumentException("--sizes: no size given (e.g. --sizes=1000,10000,50000).");
        }
        return sizes.Distinct().Order().ToList();
    }

    /// <summary>A scratch directory for one part, removed by the caller's <c>using</c>.</summary>
    public ScratchDirectory Scratch(string part) => new(Path.Combine(Path.GetTempPath(), $"cmf-bench-{part}-{Guid.NewGuid():N}"));

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cmf.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Cmf.Dashboard.sln not found above {start}");
    }
}

public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file leaves the directory to the OS's temp cleanup.
        }
    }
}
