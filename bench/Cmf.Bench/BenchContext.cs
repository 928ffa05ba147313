namespace Cmf.Bench;

/// <summary>What every part needs: where results go, where the repository is, and whether this is a quick smoke run.</summary>
public sealed record BenchContext(string RepositoryRoot, string ResultsDirectory, bool Quick)
{
    public static BenchContext FromArgs(string[] args)
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory);
        var quick = args.Contains("--quick");
        // A smoke run's figures are not comparable: they go beside the real ones, never over them.
        var results = quick ? Path.Combine(root, "bench", "results", "quick") : Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(results);
        return new BenchContext(root, results, quick);
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
