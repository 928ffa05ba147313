using System.Diagnostics;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Deploy.Support;

/// <summary>
/// <c>dotnet publish src/Cmf.Dashboard -c Release</c> into a temporary folder, once per test run: the files
/// <c>-t:PublishContainer</c> would put into the image.
/// </summary>
internal static class PublishedDashboard
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "cmf-published-" + Guid.NewGuid().ToString("N")[..12]);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", Path.Combine("src", "Cmf.Dashboard"), "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {Timeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp eventually.
            }
        };
        return output;
    }
}
