using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cmf.Bench.Latency;

/// <summary>
/// A running <c>kubectl get flinkdeployments -A -w</c>: every line it prints is kept with the wall-clock time the bench read it,
/// the moment a person watching the terminal would see it.
/// </summary>
public sealed class KubectlWatch : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<TimedLine> _lines = new();

    private KubectlWatch(Process process)
    {
        _process = process;
    }

    public static KubectlWatch Start(string kubeconfig)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "get", "flinkdeployments", "-A", "-w" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started.");
        var watch = new KubectlWatch(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                watch._lines.Enqueue(new TimedLine(WallClock.NowUnixMilliseconds, line));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"kubectl: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return watch;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Takes every line read so far.</summary>
    public List<TimedLine> Drain()
    {
        var lines = new List<TimedLine>();
        while (_lines.TryDequeue(out var line))
        {
            lines.Add(line);
        }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

public sealed record TimedLine(double UnixMilliseconds, string Text)
{
    /// <summary>The columns of <c>kubectl get -A</c>: namespace, name, job status, lifecycle state.</summary>
    public string[] Columns => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
