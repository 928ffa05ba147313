using System.Globalization;
using Cmf.Bench.Browser;
using Cmf.E2ETests;

namespace Cmf.Bench.Memory;

/// <summary>
/// What one kind of live page costs the dashboard: the heap and resident set with none open and with <see cref="Pages"/>
/// open, both after induced full GCs; the difference divided by the pages is the cost of one circuit.
/// </summary>
public sealed record CircuitCost(LivePageKind Kind, int Pages, int LoadedCount, MemoryReading Without, MemoryReading With)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public double HeapKiBPerCircuit => (With.ManagedHeapKiB - Without.ManagedHeapKiB) / Pages;

    public double ResidentKiBPerCircuit => (With.ResidentKiB - Without.ResidentKiB) / Pages;

    /// <summary>Reads the heap, opens the pages (one browser context) and waits for each circuit, reads again, closes them.</summary>
    public static async Task<CircuitCost> MeasureAsync(
        DashboardProcess dashboard, BenchBrowser browser, LivePageKind kind, int pages, HeapDump dumps)
    {
        var without = await ProcessMemory.ReadAfterGcAsync(dashboard.ProcessId);
        Console.WriteLine($"bench: before {kind.Name}: {without}");
        await dumps.TakeAsync(dashboard.ProcessId, $"{Slug(kind)}-0");

        await using var context = await browser.NewContextAsync();
        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(dashboard.Url(kind.PathOf(i)));
            await page.MainFrame.WaitForCircuitAsync();
            await page.Locator(kind.LoadedSelector).First.WaitForAsync();
            open.Add(page);
            Console.WriteLine($"bench: {open.Count} {kind.Name} open");
        }
        var loaded = await open[^1].Locator(kind.LoadedSelector).CountAsync();
        await Task.Delay(Settle);
        var with = await ProcessMemory.ReadAfterGcAsync(dashboard.ProcessId);
        Console.WriteLine($"bench: with {pages} {kind.Name}: {with}");
        await dumps.TakeAsync(dashboard.ProcessId, $"{Slug(kind)}-{pages}");
        foreach (var page in open)
        {
            await page.CloseAsync();
        }
        // Closed pages tell the server their circuits are gone; the next kind's reading starts without them.
        await Task.Delay(Settle);
        return new CircuitCost(kind, pages, loaded, without, with);
    }

    public IEnumerable<Figure> Figures(string part, string store)
    {
        var circuits = string.Create(CultureInfo.InvariantCulture, $"{Pages} pages ({Kind.PathOf(0)}, ...), {LoadedCount} {Kind.LoadedWord} on the last, on {store}");
        return
        [
            new Figure(part, $"{Pages} {Kind.Name}, managed heap after GC", With.ManagedHeapKiB / 1024, "MiB", Note: circuits),
            new Figure(part, $"{Pages} {Kind.Name}, resident set", With.ResidentKiB / 1024, "MiB", Note: circuits),
            new Figure(part, $"managed heap per circuit, {Kind.Name}", HeapKiBPerCircuit, "KB", Target: "<= 500 KB", Met: HeapKiBPerCircuit <= 500,
                Note: "(heap with pages - heap without) / pages, both after induced full GCs"),
            new Figure(part, $"resident set per circuit, {Kind.Name}", ResidentKiBPerCircuit, "KB",
                Note: "same difference in RSS: includes GC segments kept, thread stacks, native buffers"),
        ];
    }

    private static string Slug(LivePageKind kind) => kind.Name.Replace(' ', '-');
}
