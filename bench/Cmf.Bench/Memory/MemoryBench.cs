using System.Globalization;
using Cmf.Bench.Browser;
using Cmf.Bench.Latency;
using Cmf.Bench.Scale;
using Cmf.E2ETests;

namespace Cmf.Bench.Memory;

/// <summary>
/// The dashboard process's memory: idle on the demo cluster; idle serving the scale part's 1M-instance store; idle with a
/// large store it ingested itself through its own watcher, tracker and writer; and, per circuit, with live application
/// lists and with live application pages open in Chromium.
/// </summary>
public static class MemoryBench
{
    public const string Part = "memory";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchContext context)
    {
        var figures = new List<Figure>();
        if (!CircuitsOnly)
        {
            figures.AddRange(await IdleOnDemoAsync());
            figures.AddRange(await IdleOnSeededStoreAsync(context));
        }
        figures.AddRange(await LargeStoreAndCircuitsAsync(context));
        if (CircuitsOnly)
        {
            // The idle readings not taken this time keep their last values (marked as such in bench/docs/memory.md).
            figures.InsertRange(0, ResultsFile.ReadAll(context).Where(f => f.Part == Part && f.Name.Contains("idle", StringComparison.Ordinal)
                && figures.TrueForAll(n => n.Name != f.Name)));
        }
        await ResultsFile.WriteAsync(context, Part, figures);
    }

    private static async Task<IEnumerable<Figure>> IdleOnDemoAsync()
    {
        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Simulated",
            ["Cmf:Cluster:Simulator:Scenario"] = "demo",
            ["Cmf:Cluster:Simulator:Seed"] = "8",
        });
        await DashboardReadiness.WaitAsync(dashboard, TimeSpan.FromSeconds(120));
        Console.WriteLine("bench: the demo dashboard is ready");
        await Task.Delay(Settle);
        var idle = await ProcessMemory.ReadAfterGcAsync(dashboard.ProcessId);
        Console.WriteLine($"bench: idle on the demo cluster: {idle}");
        const string Note = "demo cluster (simulator in process), no browser";
        return
        [
            new Figure(Part, "idle, managed heap after GC", idle.ManagedHeapKiB / 1024, "MiB", Note: Note),
            new Figure(Part, "idle, resident set", idle.ResidentKiB / 1024, "MiB", Note: Note),
        ];
    }

    /// <summary>
    /// The store the scale part reads (seeded the same way, through the tracker and the store writer), served as it is
    /// (<c>Cmf:Cluster:Mode=None</c>): what a million stored instances cost a dashboard that only reads them.
    /// </summary>
    private static async Task<IEnumerable<Figure>> IdleOnSeededStoreAsync(BenchContext context)
    {
        var shape = context.Quick
            ? new ScaleShape("large", Applications: 1_000, InstancesPerApplication: 10, Environments: 10, CommitBatchApplications: 20)
            : new ScaleShape("large", Applications: 10_000, InstancesPerApplication: 100, Environments: 10, CommitBatchApplications: 20);
        using var scratch = context.Scratch("memory-seeded");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromHours(1));
        var report = await new StoreSeeder(shape).SeedAsync(scratch.Path, cancellation.Token);
        await SeedCheck.VerifyAsync(scratch.Path, shape, cancellation.Token);
        Console.WriteLine($"bench: seeded {shape.Instances:N0} instances ({report.DatabaseBytes / 1048576.0:N0} MiB) for the idle reading");

        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:DataDirectory"] = scratch.Path,
            ["Cmf:Cluster:Mode"] = "None",
        });
        await DashboardReadiness.WaitAsync(dashboard, TimeSpan.FromSeconds(120));
        await Task.Delay(Settle);
        var idle = await ProcessMemory.ReadAfterGcAsync(dashboard.ProcessId);
        Console.WriteLine($"bench: idle on the seeded store: {idle}");
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{shape.Applications:N0} applications x {shape.InstancesPerApplication} instances seeded as the scale part does, {report.DatabaseBytes / 1048576.0:N0} MiB, served with Cmf:Cluster:Mode=None, no browser");
        var size = shape.Instances >= 1_000_000 ? "1M" : $"{shape.Instances:N0}";
        return
        [
            new Figure(Part, $"{size}-instance store idle, managed heap after GC", idle.ManagedHeapKiB / 1024, "MiB", Note: note),
            new Figure(Part, $"{size}-instance store idle, resident set", idle.ResidentKiB / 1024, "MiB", Note: note),
        ];
    }

    private static async Task<IEnumerable<Figure>> LargeStoreAndCircuitsAsync(BenchContext context)
    {
        var applications = context.Quick ? 500 : 5_000;
        var pages = context.Quick ? 10 : 50;
        var dumps = HeapDump.FromCommandLine();

        using var scratch = context.Scratch(Part);
        await using var cluster = await BenchCluster.StartAsync(scratch.Path);
        for (var i = 0; i < applications; i++)
        {
            cluster.CreateRunningApplication($"app-{i:00000}");
        }
        await using var dashboard = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Cmf:Cluster:Mode"] = "Kubernetes",
            ["Cmf:Cluster:Kubeconfig"] = cluster.KubeconfigPath,
        });
        // Ready means the first list of every watch is committed: every application and its first instance are in the store.
        await DashboardReadiness.WaitAsync(dashboard, TimeSpan.FromMinutes(10));
        await Task.Delay(Settle);

        // Each kind is measured against a reading taken just before its pages open, on the same process and store.
        await using var browser = await BenchBrowser.LaunchAsync();
        var lists = await CircuitCost.MeasureAsync(dashboard, browser, LivePageKind.ApplicationList, pages, dumps);
        var applicationPages = await CircuitCost.MeasureAsync(dashboard, browser, LivePageKind.ApplicationPage(BenchCluster.Namespace), pages, dumps);

        var idle = lists.Without;
        var store = string.Create(CultureInfo.InvariantCulture, $"{applications:N0} applications with one instance each, listed and stored by the dashboard's own watcher and writer");
        var onStore = string.Create(CultureInfo.InvariantCulture, $"the {applications:N0}-application store");
        return
        [
            new Figure(Part, "large store idle, managed heap after GC", idle.ManagedHeapKiB / 1024, "MiB", Note: store),
            new Figure(Part, "large store idle, resident set", idle.ResidentKiB / 1024, "MiB", Note: store),
            .. lists.Figures(Part, onStore),
            .. applicationPages.Figures(Part, onStore),
        ];
    }

    /// <summary><c>--circuits-only</c>: only the large store and its live pages (the idle readings take minutes to seed).</summary>
    private static bool CircuitsOnly => Environment.GetCommandLineArgs().Contains("--circuits-only");
}
