using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>
/// Runs typed_models.py under Debian's python3-kubernetes: the official Kubernetes client's typed models refuse
/// an object that lacks a field the Kubernetes API marks required. An independent check of what the simulator serves.
/// </summary>
internal static class TypedModels
{
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static string Script => Path.Combine(AppContext.BaseDirectory, "Simulator", "Support", "typed_models.py");

    /// <summary>One line per problem ("Pod prod/name rv 42: ..."); empty when every object deserialises.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IEnumerable<JsonObject> objects)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Script);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{Python} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(new JsonArray([.. objects.Select(o => o.DeepClone())]).ToJsonString());
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"typed_models.py did not finish within {Timeout}.");
        }
        var problems = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var stderr = await error;
        // Exit 0 means no problem and 1 a list of them; anything else (or a traceback) means the check itself did not run.
        Assert.True(stderr.Length == 0 && (process.ExitCode, problems.Length > 0) is (0, false) or (1, true),
            $"typed_models.py could not check the objects (exit {process.ExitCode}; is python3-kubernetes installed? ./test.sh installs it):\n{stderr}\n{string.Join('\n', problems)}");
        return problems;
    }
}
