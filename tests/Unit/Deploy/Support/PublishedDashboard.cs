using Cmf.UnitTests.TestSupport;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Deploy.Support;

/// <summary>
/// <c>dotnet publish src/Cmf.Dashboard -c Release</c> once per test run, into a folder beside the test assembly that
/// the next run replaces (a temporary folder per run was left behind whenever the test host was stopped): the files
/// <c>-t:PublishContainer</c> would put into the image.
/// </summary>
internal static class PublishedDashboard
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "published-dashboard");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
        var result = await Command.RunAsync("dotnet",
            ["publish", Path.Combine("src", "Cmf.Dashboard"), "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly"], Timeout, RepositoryPaths.Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        }
        return output;
    }
}
