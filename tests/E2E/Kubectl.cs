using System.Diagnostics;

namespace Cmf.E2ETests;

/// <summary>The installed kubectl against the simulated cluster: the independent client that changes it.</summary>
public sealed class Kubectl(string kubeconfig)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Creates or updates an object from its manifest (JSON or YAML), as <c>kubectl apply -f -</c>.</summary>
    public Task<string> ApplyAsync(string manifest) => RunAsync(manifest, "apply", "-f", "-");

    public Task<string> MergePatchAsync(string ns, string name, string patch) =>
        RunAsync(null, "patch", "flinkdeployment", name, "-n", ns, "--type", "merge", "-p", patch);

    /// <summary>Sets an annotation, or removes it when <paramref name="value"/> is null (metadata only: no new generation).</summary>
    public Task<string> AnnotateAsync(string ns, string name, string key, string? value) =>
        RunAsync(null, "annotate", "flinkdeployment", name, "-n", ns, "--overwrite", value is null ? $"{key}-" : $"{key}={value}");

    public Task<string> ListAllAsync(string jsonPath) =>
        RunAsync(null, "get", "flinkdeployments", "--all-namespaces", "-o", $"jsonpath={jsonPath}");

    private async Task<string> RunAsync(string? input, params string[] args)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {Timeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
        return await output;
    }
}
