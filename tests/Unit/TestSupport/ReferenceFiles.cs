namespace Cmf.UnitTests.TestSupport;

/// <summary>
/// The read-only reference contracts in <c>../shared/reference</c> beside the checkout (README), read at
/// run time and never copied into the project.
/// </summary>
public static class ReferenceFiles
{
    private const string RealWorldFolder = "realworld";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));

    /// <summary>The operator's example FlinkDeployments and the captured real object.</summary>
    public static IReadOnlyList<string> FkoExamples { get; } =
    [
        "basic.yaml",
        "basic-checkpoint-ha.yaml",
        "snapshot_job-from-savepoint.yaml",
        "captured-status-operator-1.9.yaml",
    ];

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public static string ReadText(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Reference file {relativePath} is missing: the tests expect ../shared/reference beside the checkout ({Directory}).",
                path);
        }
        return File.ReadAllText(path);
    }

    public static string FkoExample(string fileName) => ReadText(Path.Combine("fko-examples", fileName));

    /// <summary>A file of <c>realworld/</c>: objects, events and logs the operator wrote on real clusters (its README gives each source).</summary>
    public static string RealWorld(string fileName) => ReadText(Path.Combine(RealWorldFolder, fileName));

    /// <summary>The names of every captured file in <c>realworld/</c> (its README left out), sorted.</summary>
    public static IReadOnlyList<string> RealWorldFileNames()
    {
        var folder = PathOf(RealWorldFolder);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Reference folder {RealWorldFolder} is missing: the tests expect ../shared/reference beside the checkout ({Directory}).");
        }
        return [.. System.IO.Directory.GetFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "README.md")
            .Order(StringComparer.Ordinal)];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cmf.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cmf.Dashboard.sln was not found above " + AppContext.BaseDirectory);
    }
}
