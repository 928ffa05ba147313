namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Finds the checkout, the shared reference contracts beside it, and the built simulator.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Reference => Path.Combine(Root, "..", "shared", "reference");

    public static string FkoExample(string name) => Path.Combine(Reference, "fko-examples", name);

    public static string FlinkDeploymentCrd => Path.Combine(Reference, "flinkdeployments.flink.apache.org-v1.yml");

    public static string FlinkStateSnapshotCrd => Path.Combine(Reference, "flinkstatesnapshots.flink.apache.org-v1.yml");

    /// <summary>The simulator's own build output (same configuration as the tests).</summary>
    public static string SimulatorAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(Root, "src", "Cmf.Simulator", "bin", configuration, "net10.0", "Cmf.Simulator.dll");
        }
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
