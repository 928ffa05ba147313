namespace Cmf.UnitTests.RealWorld;

/// <summary>A Kubernetes Event the operator wrote about a FlinkDeployment on a real cluster, and the file that shows it.</summary>
internal sealed record RealWorldEvent(string Reason, string Type, string Message, string Source);

/// <summary>
/// The operator's Events about FlinkDeployments as real clusters printed them, read at run time from the events files
/// of <c>../shared/reference/realworld</c> in the order printed, for comparing the simulator's events with: which
/// reasons exist, their types and the wording of their messages. Events about pods, ReplicaSets and Deployments in
/// the same table are left out: Kubernetes wrote those, not the operator.
/// </summary>
internal static class RealWorldEvents
{
    /// <summary>FKO 1.15.0, <c>kubectl get events</c> during a blue/green drill.</summary>
    public const string BlueGreenDrillFile = "events-bluegreen-drill-pre-transition.txt";

    /// <summary>FKO 1.1.0, the Events section of <c>kubectl describe flinkdeployment</c>.</summary>
    public const string Release110DescribeFile = "events-fko-1.1.0-release-announcement-describe.txt";

    private const string FlinkDeploymentPrefix = "flinkdeployment/";

    private static readonly Lazy<IReadOnlyList<RealWorldEvent>> Loaded = new(Load);

    public static IReadOnlyList<RealWorldEvent> All => Loaded.Value;

    public static IReadOnlySet<string> Reasons => All.Select(e => e.Reason).ToHashSet(StringComparer.Ordinal);

    private static List<RealWorldEvent> Load()
    {
        var drill = PrintedEvents.ReadGetEventsTable(RealWorldFile.Open(BlueGreenDrillFile).Body)
            .Where(e => e.Object.StartsWith(FlinkDeploymentPrefix, StringComparison.Ordinal))
            .Select(e => new RealWorldEvent(e.Reason, e.Type, e.Message, BlueGreenDrillFile));
        var release110 = PrintedEvents.ReadDescribeEvents(RealWorldFile.Open(Release110DescribeFile).Body)
            .Select(e => new RealWorldEvent(e.Reason, e.Type, e.Message, Release110DescribeFile));
        return [.. drill, .. release110];
    }
}
