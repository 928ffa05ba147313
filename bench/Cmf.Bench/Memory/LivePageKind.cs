namespace Cmf.Bench.Memory;

/// <summary>
/// A kind of live page the memory part opens many times: the path of the i-th page, and what on it shows that it has
/// loaded (counted on the last page, for the figures' notes).
/// </summary>
public sealed record LivePageKind(string Name, Func<int, string> PathOf, string LoadedSelector, string LoadedWord)
{
    public static LivePageKind ApplicationList { get; } =
        new("live lists", _ => "/applications", "tr.application-table__row", "rows");

    /// <summary>One page per application (app-00000, app-00001, ...), on its default tab (the timeline).</summary>
    public static LivePageKind ApplicationPage(string environment) =>
        new("live application pages", i => $"/environments/{environment}/applications/app-{i:00000}", "section.instance-timeline", "timeline");
}
