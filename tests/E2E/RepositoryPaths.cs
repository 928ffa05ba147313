namespace Cmf.E2ETests;

/// <summary>Finds the checkout, the built dashboard and the built simulator from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string DashboardAssembly =>
        Path.Combine(Root, "src", "Cmf.Dashboard", "bin", Configuration, "net10.0", "Cmf.Dashboard.dll");

    public static string SimulatorAssembly =>
        Path.Combine(Root, "src", "Cmf.Simulator", "bin", Configuration, "net10.0", "Cmf.Simulator.dll");

    public static string ArtefactDirectory
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "artefacts");
            Directory.CreateDirectory(path);
            return path;
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
