using System.Text.Json;
using Cmf.E2ETests;

namespace Cmf.Bench.Latency;

/// <summary>
/// A MutationObserver in the application list page that notes, for every DOM change inside the probed application's row,
/// the browser's wall-clock time (<c>performance.timeOrigin + performance.now()</c>) and the text of its job state cell.
/// The observer runs in the same task that applied Blazor's render batch, so the time is when the DOM changed.
/// </summary>
public sealed class ApplicationListRecorder(IPage page)
{
    private const string Install = """
        probe => {
            window.__cmfProbe = [];
            new MutationObserver(records => {
                const t = performance.timeOrigin + performance.now();
                const rows = new Set();
                for (const record of records) {
                    const element = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
                    const row = element && element.closest('tr');
                    if (row) rows.add(row);
                    for (const added of record.addedNodes) {
                        if (added.nodeType === Node.ELEMENT_NODE) added.querySelectorAll('tr').forEach(r => rows.add(r));
                        if (added.nodeType === Node.ELEMENT_NODE && added.matches('tr')) rows.add(added);
                    }
                }
                for (const row of rows) {
                    if (row.cells.length > 2 && row.cells[1].textContent.trim() === probe) {
                        window.__cmfProbe.push({ t, state: row.cells[2].textContent.trim() });
                    }
                }
            }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    public Task InstallAsync(string probeName) => page.EvaluateAsync(Install, probeName);

    /// <summary>Opens <paramref name="url"/> (an application list) in a new page, waits for its circuit and the probe's row, and records it.</summary>
    public static async Task<ApplicationListRecorder> OpenAsync(IBrowserContext context, string url, string probeName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.MainFrame.WaitForCircuitAsync();
        await page.Locator("tr.application-table__row", new PageLocatorOptions { HasText = probeName }).First.WaitForAsync();
        var recorder = new ApplicationListRecorder(page);
        await recorder.InstallAsync(probeName);
        return recorder;
    }

    public async Task<IReadOnlyList<DomChange>> DrainAsync()
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.__cmfProbe.splice(0)");
        return [.. json.EnumerateArray().Select(e => new DomChange(e.GetProperty("t").GetDouble(), e.GetProperty("state").GetString() ?? ""))];
    }

    /// <summary>Browser clock minus bench clock, read in the middle of a round trip (checks the common-clock assumption).</summary>
    public async Task<double> ClockOffsetAsync()
    {
        var before = WallClock.NowUnixMilliseconds;
        var browser = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
        var after = WallClock.NowUnixMilliseconds;
        return browser - (before + after) / 2;
    }
}

public sealed record DomChange(double UnixMilliseconds, string State);
