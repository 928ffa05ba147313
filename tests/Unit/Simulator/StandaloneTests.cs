using Cmf.UnitTests.TestSupport;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Cmf.UnitTests.Simulator.Support;

namespace Cmf.UnitTests.Simulator;

/// <summary>The simulator runs on its own: it prints its URL and writes a kubeconfig kubectl can use.</summary>
public sealed partial class StandaloneTests
{
    [Fact]
    public async Task The_standalone_simulator_prints_its_url_and_kubectl_lists_the_demo_through_its_kubeconfig()
    {
        using var temp = new TempDirectory();
        var kubeconfig = temp.File("demo.kubeconfig");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepositoryPaths.SimulatorAssembly, "--port", "0", "--kubeconfig", kubeconfig, "--scenario", "demo", "--speed", "20" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var firstLine = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(firstLine);
            Assert.Matches(ListeningLine(), firstLine);
            await Eventually.TrueAsync(() => File.Exists(kubeconfig), "the kubeconfig was written");

            var result = (await new Kubectl(kubeconfig).RunAsync("get", "flinkdep", "-A")).ShouldSucceed();

            Assert.Contains("payments-fraud-detection", result.Output);
            Assert.Contains("staging", result.Output);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_standalone_simulator_refuses_to_listen_on_an_address_other_machines_can_reach()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepositoryPaths.SimulatorAssembly, "--host", "0.0.0.0", "--port", "0" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("must be a loopback address (127.0.0.0/8, ::1 or localhost), not \"0.0.0.0\"", error, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    [GeneratedRegex(@"^Cmf\.Simulator listening on http://127\.0\.0\.1:[0-9]+/$")]
    private static partial Regex ListeningLine();
}
