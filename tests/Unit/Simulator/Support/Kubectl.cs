using System.Diagnostics;
using System.Text;
using Cmf.UnitTests.TestSupport;

namespace Cmf.UnitTests.Simulator.Support;

/// <summary>Runs the installed kubectl binary against a kubeconfig, as an independent client.</summary>
internal sealed class Kubectl(string kubeconfig)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public Result ShouldSucceed()
        {
            Assert.True(ExitCode == 0, $"kubectl failed ({ExitCode}): {Error}\n{Output}");
            return this;
        }
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var result = await Command.RunAsync("kubectl", ["--kubeconfig", kubeconfig, .. args], Timeout);
        return new Result(result.ExitCode, result.Output, result.Error);
    }

    /// <summary>Starts a long-running kubectl (such as get -w) whose output lines are collected until it is disposed.</summary>
    public StreamingProcess Stream(params string[] args) => new(Start(args));

    private Process Start(string[] args)
    {
        var info = new ProcessStartInfo("kubectl")
        {
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
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started.");
    }

    public sealed class StreamingProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly Lock _gate = new();

        public StreamingProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_gate)
                    {
                        _output.AppendLine(e.Data);
                    }
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            _process.Dispose();
        }
    }
}
