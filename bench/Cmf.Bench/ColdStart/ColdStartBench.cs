using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Storage.Views;
using Cmf.E2ETests;
using Cmf.Simulator;

namespace Cmf.Bench.ColdStart;

/// <summary>
/// Part "coldstart": from the dashboard's process start to <c>/readyz</c> 200 against a simulator holding
/// FlinkDeployments (with their JobManager Deployments and pods), next to <c>kubectl get flinkdeployments -A -o json</c>
/// on the same simulator, at several sizes (1,000, 10,000 and 50,000 by default) with each cost's growth factor.
/// </summary>
public static class ColdStartBench
{
    private const string Part = "coldstart";
    private const int Namespaces = 10;
    private const int TargetSize = 10_000;
    private static readonly int[] FullSizes = [1_000, 10_000, 50_000];
    private static readonly int[] QuickSizes = [200, 1_000];

    private sealed record SizeResult(int Applications, double Kubectl, double? KubectlLoad, StartPhases First, StartPhases Restart, List<Figure> Figures);

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes ?? (context.Quick ? QuickSizes : FullSizes);
        var results = new List<SizeResult>();
        foreach (var applications in sizes)
        {
            results.Add(await MeasureAsync(context, applications));
            // Written after each size, so the smaller sizes' figures survive a failure at a larger one.
            var figures = results.SelectMany(r => r.Figures).ToList();
            figures.AddRange(CostCurve.Growth(Part, "first start to ready", "FlinkDeployments",
                results.Select(r => new CostCurve.Point(r.Applications, r.First.Ready, r.Applications, r.First.LoadAverage)).ToList()));
            // Without the process's own start (runtime, host, migrations): the part that depends on the cluster's size.
            figures.AddRange(CostCurve.Growth(Part, "first start, listening to ready", "FlinkDeployments",
                results.Select(r => new CostCurve.Point(r.Applications, r.First.Ready - r.First.Listening, r.Applications, r.First.LoadAverage)).ToList()));
            figures.AddRange(CostCurve.Growth(Part, "restart to ready", "FlinkDeployments",
                results.Select(r => new CostCurve.Point(r.Applications, r.Restart.Ready, r.Applications, r.Restart.LoadAverage)).ToList()));
            figures.AddRange(CostCurve.Growth(Part, "kubectl get -A -o json", "FlinkDeployments",
                results.Select(r => new CostCurve.Point(r.Applications, r.Kubectl, r.Applications, r.KubectlLoad)).ToList()));
            await ResultsFile.WriteAsync(context, Part, figures);
        }
    }

    private static async Task<SizeResult> MeasureAsync(BenchContext context, int applications)
    {
        // Generous bounds that grow with the size: the figures are what is measured, the bounds only stop a hang.
        var scale = Math.Max(1, applications / 5_000.0);
        var readyTimeout = TimeSpan.FromMinutes(5) * scale;
        var kubectlTimeout = TimeSpan.FromMinutes(2) * scale;
        using var scratch = context.Scratch(Part);
        var setup = Stopwatch.StartNew();
        Console.WriteLine($"coldstart: {applications:N0} FlinkDeployments (load average {LoadAverage.Describe(LoadAverage.OneMinute())})");
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Scenario = SimulatorScenarios.Empty,
            Seed = 8,
            ManualClock = true,
            StartTime = DateTimeOffset.UtcNow,
        });
        for (var n = 0; n < Namespaces; n++)
        {
            simulator.Api.CreateNamespace(Namespace(n));
        }
        for (var i = 0; i < applications; i++)
        {
            simulator.Api.CreateFlinkDeployment(Namespace(i % Namespaces), FlinkDeploymentSpec.Create($"app-{i:D5}", stateful: true, parallelism: 2));
        }
        // Let the simulated operator deploy every application: JobManager Deployments, pods, a running job.
        await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(30));
        var kubeconfig = simulator.WriteKubeconfig(Path.Combine(scratch.Path, "simulator.kubeconfig"));
        Console.WriteLine($"coldstart: simulator holds {simulator.Api.ListFlinkDeployments().Count:N0} FlinkDeployments (set up in {setup.Elapsed.TotalSeconds:0.0}s; {Memory()})");

        var kubectl = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            kubectl.Add(await KubectlListSecondsAsync(kubeconfig, kubectlTimeout));
        }
        var kubectlMedian = Stats.Median(kubectl);
        var kubectlLoad = LoadAverage.OneMinute();
        Console.WriteLine($"coldstart: kubectl get flinkdeployments -A -o json: {string.Join(", ", kubectl.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s (load average {LoadAverage.Describe(kubectlLoad)})");

        var rawLists = await RawListSecondsAsync(simulator.BaseUrl, kubectlTimeout);
        var rawLoad = LoadAverage.OneMinute();
        Console.WriteLine($"coldstart: raw GET of the three lists: {rawLists:0.00} s");

        var dataDirectory = Path.Combine(scratch.Path, "data");
        Directory.CreateDirectory(dataDirectory);
        var first = await TimeToReadyAsync(kubeconfig, dataDirectory, readyTimeout);
        await ExpectApplicationsAsync(dataDirectory, applications);
        Console.WriteLine($"coldstart: first start (empty store): {first}");
        var warm = await TimeToReadyAsync(kubeconfig, dataDirectory, readyTimeout);
        Console.WriteLine($"coldstart: restart on the filled store: {warm}; {Memory()}");

        var label = CostCurve.Label(applications);
        var atTarget = applications == TargetSize;
        var figures = new List<Figure>
        {
            Ready($"start to /readyz 200, empty store, {label} FlinkDeployments", first, kubectlMedian, $"builds every instance; {first}",
                atTarget ? "<= 5 s and <= 1.0 x kubectl" : null, atTarget ? first.Ready <= 5 && first.Ready <= kubectlMedian : null),
            Ready($"restart to /readyz 200, filled store, {label} FlinkDeployments", warm, kubectlMedian, $"resumes from stored watch positions; {warm}",
                atTarget ? "<= 0.5 x kubectl" : null, atTarget ? warm.Ready <= 0.5 * kubectlMedian : null),
            new Figure(Part, $"kubectl get flinkdeployments -A -o json, {label} FlinkDeployments", kubectlMedian, "s",
                Note: $"median of 3: {string.Join(", ", kubectl.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s") { LoadAverage = kubectlLoad },
            new Figure(Part, $"raw GET of the three lists the watcher takes, {label} FlinkDeployments", rawLists, "s",
                Note: "FlinkDeployments, JobManager Deployments and pods from the simulator, body read, not parsed: the server's share") { LoadAverage = rawLoad },
        };
        return new SizeResult(applications, kubectlMedian, kubectlLoad, first, warm, figures);
    }

    private static Figure Ready(string name, StartPhases phases, double kubectlSeconds, string note, string? target, bool? met) =>
        new(Part, name, phases.Ready, "s", kubectlSeconds, "kubectl get -A -o json, median of 3", target, met, note) { LoadAverage = phases.LoadAverage };

    /// <summary>The dashboard process's peak resident set so far (VmHWM in /proc/&lt;pid&gt;/status): how much memory a size needs.</summary>
    private static string PeakResidentSet(int processId)
    {
        var status = $"/proc/{processId}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"peak resident set {kb / 1024.0:N0} MiB")
            : "peak resident set unknown";
    }

    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"bench process (simulator): managed heap after a full GC {GC.GetTotalMemory(true) / 1048576.0:N0} MiB, working set {process.WorkingSet64 / 1048576.0:N0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:N0} MiB");
    }

    /// <summary>Seconds from starting the dashboard process to its first <c>/readyz</c> 200.</summary>
    private static async Task<StartPhases> TimeToReadyAsync(string kubeconfig, string dataDirectory, TimeSpan readyTimeout)
    {
        var watch = Stopwatch.StartNew();
        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:DataDirectory"] = dataDirectory,
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = kubeconfig,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        });
        var listening = watch.Elapsed.TotalSeconds;
        using var trace = StartTrace(dashboard.ProcessId);
        using var http = new HttpClient { BaseAddress = dashboard.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var lastBody = "";
        double? listed = null;
        while (watch.Elapsed < readyTimeout)
        {
            using (var response = await http.GetAsync("/readyz"))
            {
                var body = await response.Content.ReadAsStringAsync();
                if (body != lastBody)
                {
                    // Each watch's progress as it changes: where the start-up time goes.
                    Console.WriteLine($"  {watch.Elapsed.TotalSeconds:0.00}s {body}");
                    lastBody = body;
                }
                listed ??= EveryWatchListed(body) ? watch.Elapsed.TotalSeconds : null;
                if (response.IsSuccessStatusCode)
                {
                    var ready = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"  dashboard at ready: {PeakResidentSet(dashboard.ProcessId)}");
                    await StopTraceAsync(trace);
                    return new StartPhases(listening, listed ?? ready, ready, LoadAverage.OneMinute());
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The dashboard was not ready within {readyTimeout}.");
    }

    /// <summary>True once /readyz says every watch has its first list (or replay) in hand, committed or not.</summary>
    private static bool EveryWatchListed(string readyz)
    {
        var watches = (JsonNode.Parse(readyz) as JsonObject)?["watches"] as JsonArray;
        return watches is { Count: > 0 } && watches.All(w => w?["listed"]?.GetValue<bool>() == true);
    }

    /// <summary>
    /// With <c>CMF_BENCH_TRACE</c> set to a directory, samples the dashboard's CPU with dotnet-trace from the moment
    /// it listens until it exits (the profile behind bench/docs/coldstart.md). The figures are then not comparable.
    /// </summary>
    private static Process? StartTrace(int processId)
    {
        if (System.Environment.GetEnvironmentVariable("CMF_BENCH_TRACE") is not { Length: > 0 } directory)
        {
            return null;
        }
        var output = Path.Combine(directory, $"coldstart-{DateTime.UtcNow:HHmmss}.nettrace");
        var info = new ProcessStartInfo("dotnet-trace") { UseShellExecute = false };
        foreach (var arg in new[] { "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", "00:00:00:35", "-o", output })
        {
            info.ArgumentList.Add(arg);
        }
        Console.WriteLine($"coldstart: tracing the dashboard into {output}");
        return Process.Start(info);
    }

    /// <summary>dotnet-trace ends its file cleanly after its duration; killing the traced process first would truncate it.</summary>
    private static async Task StopTraceAsync(Process? trace)
    {
        if (trace is null)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await trace.WaitForExitAsync(timeout.Token);
    }

    private static async Task ExpectApplicationsAsync(string dataDirectory, int applications)
    {
        await using var provider = new SqliteStoreProvider(SqliteStoreOptions.InDirectory(dataDirectory));
        var page = await new StoreQueries(provider).ListApplicationsAsync(new ApplicationListQuery { PageSize = 1 }, CancellationToken.None);
        var withInstance = page.Items.All(a => a.LatestInstance is not null);
        if (page.TotalCount != applications || !withInstance)
        {
            throw new InvalidOperationException($"Ready with {page.TotalCount} applications stored; the simulator holds {applications}.");
        }
    }

    private static async Task<double> KubectlListSecondsAsync(string kubeconfig, TimeSpan limit)
    {
        var info = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "get", "flinkdeployments", "-A", "-o", "json" })
        {
            info.ArgumentList.Add(arg);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || (await output).Length == 0)
        {
            throw new InvalidOperationException($"kubectl failed ({process.ExitCode}): {await error}");
        }
        return seconds;
    }

    /// <summary>The three lists the watcher's first start takes, fetched one after another with the body read in full.</summary>
    private static async Task<double> RawListSecondsAsync(Uri server, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = limit };
        var watch = Stopwatch.StartNew();
        foreach (var path in new[]
        {
            "apis/flink.apache.org/v1beta1/flinkdeployments",
            "apis/apps/v1/deployments?labelSelector=component%3Djobmanager",
            "api/v1/pods?labelSelector=component%3Djobmanager",
        })
        {
            using var response = await http.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static string Namespace(int n) => $"team-{n:D2}";
}

/// <summary>
/// Seconds from the dashboard's process start to: listening (its URL printed), every first list in hand, <c>/readyz</c> 200;
/// and the 1-minute load average at that moment.
/// </summary>
public sealed record StartPhases(double Listening, double Listed, double Ready, double? LoadAverage)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"listening {Listening:0.0} s, lists in hand {Listed:0.0} s, ready {Ready:0.0} s, load average {Bench.LoadAverage.Describe(LoadAverage)}");
}
