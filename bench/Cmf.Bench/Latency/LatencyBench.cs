using System.Globalization;
using Cmf.Bench.Browser;
using Cmf.E2ETests;

namespace Cmf.Bench.Latency;

/// <summary>
/// Watch-to-screen latency: a job state change made in the simulated API server, timed to the line printed by
/// <c>kubectl get flinkdeployments -A -w</c> and to the changed row of the live application list in Chromium,
/// while other applications change 1,000 times a second and <see cref="LivePages"/> application lists are open
/// (one browser, one context); each probe change is timed on the next page in turn, so every page is sampled.
/// </summary>
public static class LatencyBench
{
    public const string Part = "latency";
    private const string Probe = "a-probe";
    private const int BackgroundApplications = 100;
    private const int BackgroundPerSecond = 1_000;
    private const int LivePages = 50;
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(BenchContext context)
    {
        // A shorter run on a busy machine (each change waits up to 15 s to be seen): CMF_BENCH_LATENCY_CHANGES=n.
        var changes = BenchEnvironment.Int("CMF_BENCH_LATENCY_CHANGES", 1, 1_000) ?? (context.Quick ? 30 : 200);
        using var scratch = context.Scratch(Part);
        await using var cluster = await BenchCluster.StartAsync(scratch.Path);
        var background = cluster.CreateProbeAndBackground(Probe, BackgroundApplications);

        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = cluster.KubeconfigPath,
        });
        await DashboardReadiness.WaitAsync(dashboard, TimeSpan.FromSeconds(60));
        await using var kubectl = KubectlWatch.Start(cluster.KubeconfigPath);
        await WaitForAsync(() => kubectl.Drain().Any(l => l.Columns is [_, Probe, ..]), "kubectl lists the probe application");

        await using var browser = await BenchBrowser.LaunchAsync();
        await using var browserContext = await browser.NewContextAsync();
        var pages = context.Quick ? 5 : LivePages;
        var recorders = new List<ApplicationListRecorder>();
        for (var i = 0; i < pages; i++)
        {
            recorders.Add(await ApplicationListRecorder.OpenAsync(browserContext, dashboard.Url("/applications"), Probe));
        }
        Console.WriteLine($"bench: {recorders.Count} live application lists open (load average {LoadAverage.Describe(LoadAverage.OneMinute())})");

        var samples = new ProbeChanges("kubectl", "DOM");
        var change = 0;
        ApplicationListRecorder Current() => recorders[change % recorders.Count];
        await using (var load = new BackgroundChanges(cluster, background, BackgroundPerSecond))
        {
            await Task.Delay(Warmup);
            var loadAtStart = LoadAverage.OneMinute();
            await samples.RunAsync(
                cluster, Probe, changes, load,
                drain: async () =>
                {
                    change++;
                    kubectl.Drain();
                    await Current().DrainAsync();
                },
                observe: (state, made) => ObserveAsync(kubectl, Current(), state, made),
                clockOffsets: async () => [await Current().ClockOffsetAsync()]);
            await load.DisposeAsync();
            var loadAtEnd = LoadAverage.OneMinute();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: background changes ran at {load.Rate:0} per second ({load.Made:N0} in {load.Seconds:0.0} s; {BackgroundPerSecond:N0} asked) "
                + $"with {recorders.Count} live pages; load average {LoadAverage.Describe(loadAtStart)} at the start, {LoadAverage.Describe(loadAtEnd)} at the end"));
            await ResultsFile.WriteAsync(context, Part, Figures(samples.First, samples.Second, samples.Unseen, load.Rate, recorders.Count, samples.ClockOffsets, loadAtEnd));
        }
    }

    private static List<Figure> Figures(
        List<double> kubectlMs, List<double> domMs, int unseen, double backgroundRate, int pages, List<double> offsets, double? load)
    {
        if (domMs.Count == 0)
        {
            throw new InvalidOperationException("No change was seen on both sides.");
        }
        var samples = string.Create(CultureInfo.InvariantCulture,
            $"{domMs.Count} changes, {backgroundRate:0} background changes/s achieved ({BackgroundPerSecond:N0} asked), {pages} live pages; browser clock offset {offsets.Min():0.0}..{offsets.Max():0.0} ms; load average at the end {LoadAverage.Describe(load)}");
        var figures = new List<Figure>
        {
            new(Part, "background changes/s achieved", Math.Round(backgroundRate), "changes/s",
                Target: string.Create(CultureInfo.InvariantCulture, $"{BackgroundPerSecond:N0} asked (>= 99 %)"), Met: backgroundRate >= 0.99 * BackgroundPerSecond,
                Note: $"{pages} live application lists open") { LoadAverage = load },
        };
        foreach (var p in new[] { 50, 95, 99 })
        {
            figures.Add(new Figure(Part, $"kubectl get -w, p{p}", Stats.Percentile(kubectlMs, p), "ms"));
        }
        foreach (var p in new[] { 50, 95 })
        {
            figures.Add(new Figure(Part, $"application list DOM, p{p}", Stats.Percentile(domMs, p), "ms",
                Baseline: Stats.Percentile(kubectlMs, p), BaselineName: $"kubectl p{p}"));
        }
        var dom99 = Stats.Percentile(domMs, 99);
        var kubectl99 = Stats.Percentile(kubectlMs, 99);
        figures.Add(new Figure(Part, "application list DOM, p99", dom99, "ms",
            Baseline: kubectl99, BaselineName: "kubectl p99", Target: "<= kubectl p99 + 250 ms", Met: dom99 <= kubectl99 + 250, Note: samples));
        figures.Add(new Figure(Part, "DOM p99 minus kubectl p99", dom99 - kubectl99, "ms", Target: "<= 250 ms", Met: dom99 - kubectl99 <= 250));
        figures.Add(new Figure(Part, "changes not seen on both sides within 15 s", unseen, "changes", Target: "0", Met: unseen == 0));
        return figures;
    }

    /// <summary>Waits (bounded) for the kubectl line and the DOM change that show <paramref name="state"/>; returns their times.</summary>
    private static async Task<(double? Kubectl, double? Dom)> ObserveAsync(KubectlWatch kubectl, ApplicationListRecorder recorder, string state, double made)
    {
        double? printed = null;
        double? rendered = null;
        var deadline = DateTime.UtcNow + SeenWithin;
        while ((printed is null || rendered is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            printed ??= kubectl.Drain()
                .FirstOrDefault(l => l.UnixMilliseconds >= made && l.Columns is [_, Probe, var job, ..] && job == state)?.UnixMilliseconds;
            rendered ??= (await recorder.DrainAsync())
                .FirstOrDefault(c => c.State.Contains(state, StringComparison.OrdinalIgnoreCase))?.UnixMilliseconds;
        }
        return (printed, rendered);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
            await Task.Delay(100);
        }
    }
}
