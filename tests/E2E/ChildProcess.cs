using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cmf.E2ETests;

/// <summary>
/// A program the tests start and stop: it is ready once it has printed a line matching each of its start-up patterns, and
/// its whole process tree is killed on dispose. Its output is drained to the end so it never blocks on a full pipe.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;

    private ChildProcess(Process process, IReadOnlyList<Match> startupLines)
    {
        _process = process;
        StartupLines = startupLines;
    }

    /// <summary>The first line that matched each start-up pattern, in the patterns' order.</summary>
    public IReadOnlyList<Match> StartupLines { get; }

    public int Id => _process.Id;

    public static async Task<ChildProcess> StartAsync(ProcessStartInfo info, params Regex[] startupPatterns)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
        var startupLog = new ConcurrentQueue<string>();
        var matches = startupPatterns
            .Select(_ => new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();
        var started = Task.WhenAll(matches.Select(m => m.Task));
        void OnLine(string? line)
        {
            if (line is null || started.IsCompleted)
            {
                return;
            }
            // Kept for a failed start only.
            startupLog.Enqueue(line);
            for (var i = 0; i < startupPatterns.Length; i++)
            {
                if (startupPatterns[i].Match(line) is { Success: true } match)
                {
                    matches[i].TrySetResult(match);
                }
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await Task.WhenAny(started, process.WaitForExitAsync(), Task.Delay(StartTimeout));
        var child = new ChildProcess(process, first == started ? await started : []);
        if (first != started)
        {
            await child.DisposeAsync();
            throw new InvalidOperationException(
                $"{Path.GetFileName(info.ArgumentList.FirstOrDefault() ?? info.FileName)} did not print its start-up lines within {StartTimeout}. "
                + $"Output:{Environment.NewLine}{string.Join(Environment.NewLine, startupLog)}");
        }
        return child;
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
