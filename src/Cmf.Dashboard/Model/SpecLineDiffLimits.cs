namespace Cmf.Dashboard.Model;

/// <summary>
/// How much a spec diff takes on. DiffPlex's Myers diff costs about (N + M) × D steps, with no timeout or cancellation
/// of its own: measured with DiffPlex 1.9 on the project's shared 2-core machine, one changed single-line arg of 200 KB
/// took 6 s at the word level and 400 KB took 41 s (the cost grows with the square), so a 1.4 MB arg would pin a core
/// for minutes. Inside these limits the worst inputs measured took under two seconds, and real specs are far smaller:
/// the largest captured FlinkDeployment in <c>reference/</c> is 10 KB with its status.
/// </summary>
public static class SpecLineDiffLimits
{
    /// <summary>
    /// Both YAML texts together, in UTF-8 bytes: 1 MiB, a hundred times the largest real spec. At this size the worst
    /// input measured (every line modified, every word different) took 1.1 to 1.9 s; beyond it the diff is refused.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Both YAML texts together, in lines; beyond it the diff is refused. DiffPlex's line diff of 20,000 lines, the one step
    /// no cancellation check interrupts, took at most 0.5 s; the whole diff at the cap about 1.2 s.
    /// </summary>
    public const int MaxLines = 20_000;

    /// <summary>
    /// A line longer than this (in characters) is compared as a whole: no word-level diff (a pair of 1,000-character
    /// lines of different words takes 15 ms, cost grows with the square), and the page shows its first
    /// <see cref="LongLine"/> characters with a note.
    /// </summary>
    public const int LongLine = 1_000;
}
