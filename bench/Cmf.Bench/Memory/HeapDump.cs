using System.Diagnostics;

namespace Cmf.Bench.Memory;

/// <summary>
/// Optional gcdumps of the dashboard beside the readings (<c>--gcdump=DIR</c>), with dotnet-gcdump's report by type next to
/// each: what the per-circuit figures are made of. Needs the tool (<c>dotnet tool install -g dotnet-gcdump</c>).
/// </summary>
public sealed class HeapDump
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);
    private readonly string? _directory;

    private HeapDump(string? directory) => _directory = directory;

    public static HeapDump FromCommandLine()
    {
        var flag = Environment.GetCommandLineArgs().FirstOrDefault(a => a.StartsWith("--gcdump=", StringComparison.Ordinal));
        var directory = flag?["--gcdump=".Length..];
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        return new HeapDump(directory);
    }

    /// <summary>Writes <c>name.gcdump</c> and <c>name.txt</c> (the report) when dumps were asked for; otherwise does nothing.</summary>
    public async Task TakeAsync(int processId, string name)
    {
        if (_directory is null)
        {
            return;
        }
        var dump = Path.Combine(_directory, name + ".gcdump");
        await RunToolAsync(["collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", dump], null);
        await RunToolAsync(["report", dump], Path.Combine(_directory, name + ".txt"));
        Console.WriteLine($"bench: gcdump {dump}");
    }

    private static async Task RunToolAsync(IReadOnlyList<string> arguments, string? outputFile)
    {
        var tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        var info = new ProcessStartInfo(File.Exists(tools) ? tools : "dotnet-gcdump")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet-gcdump did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet-gcdump {arguments[0]} did not finish within {ToolTimeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet-gcdump {arguments[0]} failed ({process.ExitCode}): {await error}");
        }
        if (outputFile is not null)
        {
            await File.WriteAllTextAsync(outputFile, await output);
        }
    }
}
