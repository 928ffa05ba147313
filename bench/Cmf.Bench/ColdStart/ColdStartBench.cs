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
/// 10,000 FlinkDeployments, next to <c>kubectl get flinkdeployments -A -o json</c> on the same simulator.
/// </summary>
public static class ColdStartBench
{
    private const string Part = "coldstart";
    private const int Namespaces = 10;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(BenchContext context)
    {
        var applications = context.Quick ? 1_000 : 10_000;
        using var scratch = context.Scratch(Part);
        var setup = Stopwatch.StartNew();
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
        Console.WriteLine($"coldstart: simulator holds {simulator.Api.ListFlinkDeployments().Count:N0} FlinkDeployments (set up in {setup.Elapsed.TotalSeconds:0.0}s)");

        var kubectl = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            kubectl.Add(await KubectlListSecondsAsync(kubeconfig));
        }
        var kubectlMedian = Stats.Median(kubectl);
        Console.WriteLine($"coldstart: kubectl get flinkdeployments -A -o json: {string.Join(", ", kubectl.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s");

        var rawLists = await RawListSecondsAsync(simulator.BaseUrl);
        Console.WriteLine($"coldstart: raw GET of the three lists: {rawLists:0.00} s");

        var dataDirectory = Path.Combine(scratch.Path, "data");
        Directory.CreateDirectory(dataDirectory);
        var first = await TimeToReadyAsync(kubeconfig, dataDirectory);
        await ExpectApplicationsAsync(dataDirectory, applications);
        Console.WriteLine($"coldstart: first start (empty store): {first}");
        var warm = await TimeToReadyAsync(kubeconfig, dataDirectory);
        Console.WriteLine($"coldstart: restart on the filled store: {warm}");

        var scale = applications >= 10_000 ? "10k" : $"{applications:N0}";
        var figures = new List<Figure>
        {
            Ready($"start to /readyz 200, empty store, {scale} FlinkDeployments", first.Ready, kubectlMedian, $"builds every instance; {first}"),
            Ready($"restart to /readyz 200, filled store, {scale} FlinkDeployments", warm.Ready, kubectlMedian, $"resumes from stored watch positions; {warm}"),
            new Figure(Part, $"raw GET of the three lists the watcher takes, {scale} FlinkDeployments", rawLists, "s",
                Note: "FlinkDeployments, JobManager Deployments and pods from the simulator, body read, not parsed: the server's share"),
        };
        await ResultsFile.WriteAsync(context, Part, figures);
    }

    private static Figure Ready(string name, double seconds, double kubectlSeconds, string note)
    {
        var figure = new Figure(Part, name, seconds, "s", kubectlSeconds, "kubectl get -A -o json, median of 3", "<= 5 s and <= 5 x kubectl", Note: note);
        return figure with { Met = seconds <= 5 && figure.Ratio <= 5 };
    }

    /// <summary>Seconds from starting the dashboard process to its first <c>/readyz</c> 200.</summary>
    private static async Task<StartPhases> TimeToReadyAsync(string kubeconfig, string dataDirectory)
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
        while (watch.Elapsed < ReadyTimeout)
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
                    await StopTraceAsync(trace);
                    return new StartPhases(listening, listed ?? ready, ready);
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The dashboard was not ready within {ReadyTimeout}.");
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

    private static async Task<double> KubectlListSecondsAsync(string kubeconfig)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || (await output).Length == 0)
        {
            throw new InvalidOperationException($"kubectl failed ({process.ExitCode}): {await error}");
        }
        return seconds;
    }

    /// <summary>The three lists the watcher's first start takes, fetched one after another with the body read in full.</summary>
    private static async Task<double> RawListSecondsAsync(Uri server)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
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

/// <summary>Seconds from the dashboard's process start to: listening (its URL printed), every first list in hand, <c>/readyz</c> 200.</summary>
public sealed record StartPhases(double Listening, double Listed, double Ready)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"listening {Listening:0.0} s, lists in hand {Listed:0.0} s, ready {Ready:0.0} s");
}
