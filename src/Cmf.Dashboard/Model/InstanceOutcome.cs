using System.Globalization;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;

namespace Cmf.Dashboard.Model;

/// <summary>What an instance is now, or what became of it.</summary>
public enum InstanceOutcomeKind
{
    Current,
    Pending,
    UpgradeBlocked,

    /// <summary>The operator took the latest generation on and its cluster is not up yet.</summary>
    Deploying,
    NeverDeployed,
    SupersededInPlace,

    /// <summary>The operator stopped the job to upgrade or suspend.</summary>
    Stopped,

    /// <summary>The instance is a suspended spec: no job, no cluster.</summary>
    Suspended,
    RolledBack,
    Reverted,

    /// <summary>A finite job ended on its own (FINISHED, FAILED or CANCELED).</summary>
    JobEnded,
    Superseded,
    NotRunning,
}

/// <summary>
/// An instance's outcome as an operator says it ("current", "pending, upgrade blocked: ...", "superseded in place by #2",
/// "rolled back to #1", ...), with a description for its title. Pure: the caller passes the clock's now.
/// </summary>
public sealed record InstanceOutcome(InstanceOutcomeKind Kind, string Text, string Description)
{
    /// <summary>Long operator errors are cut in the text (a JSON error to its message); the description keeps the whole.</summary>
    public const int MaxErrorLength = 160;

    public static InstanceOutcome Current { get; } =
        new(InstanceOutcomeKind.Current, "current", "This instance runs on the live cluster: the current deployed instance");

    public static InstanceOutcome For(InstanceSummary instance, ApplicationHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(history);
        var role = InstanceRoles.Of(instance.Uid, history.CurrentInstanceUid, history.PendingInstanceUid);
        if (role == InstanceRole.Pending)
        {
            return Pending(instance.Uid, history.ErrorEpisode, now);
        }
        if (instance.Stop != InstanceStop.None && instance.JobState is JobState.Finished or JobState.Canceled)
        {
            // Before Current: a savepoint suspend keeps the stopped job's cluster until its TTL, and an upgrade stops the job before its cluster goes.
            var label = StateLabel.ForJobState(instance.JobState, instance.Stop, instance.StopSavepointPath);
            return new(InstanceOutcomeKind.Stopped, StopWords.Of(instance.Stop, instance.StopSavepointPath), label.Description);
        }
        if (role == InstanceRole.Current)
        {
            return Current;
        }
        var stints = ClusterStint.OfInstance(instance.Uid, history.Clusters);
        if (stints.LastOrDefault(s => s.HandedOverTo is not null) is { HandedOverTo: { } newer } handedOver)
        {
            var to = history.Label(newer);
            return new(InstanceOutcomeKind.SupersededInPlace, $"superseded in place by {to}",
                $"The operator applied {to}'s change in place at {Iso(handedOver.Until)}: the same JobManager and job now run {to}");
        }
        if (RollbackAfter(instance, history) is { } rollback)
        {
            var to = history.Label(ClusterStint.Of(rollback)[0].InstanceUid);
            return new(InstanceOutcomeKind.RolledBack, $"rolled back to {to}",
                $"The operator rolled back at {Iso(rollback.StartedAt)}: cluster {Short(rollback.Uid)} runs {to}'s spec again");
        }
        if (instance.LifecycleState == LifecycleState.Suspended && instance.JobState is null && instance.ReconciledAt is not null)
        {
            return new(InstanceOutcomeKind.Suspended, "suspended", "The operator suspended the application with this spec: no job and no cluster run it");
        }
        if (stints.Count == 0)
        {
            return NoCluster(instance, history);
        }
        if (instance.JobState is JobState.Finished or JobState.Failed or JobState.Canceled)
        {
            var wire = FlinkStateNames.ToWire(instance.JobState.Value);
            return new(InstanceOutcomeKind.JobEnded, wire.ToLowerInvariant(), $"The job ended on its own: {wire}");
        }
        if (instance.SupersededAt is not null)
        {
            var next = history.Instances.Where(i => i.Sequence > instance.Sequence).MinBy(i => i.Sequence);
            return next is null
                ? new(InstanceOutcomeKind.Superseded, "no longer deployed", "No cluster runs this instance and no newer instance is kept")
                : new(InstanceOutcomeKind.Superseded, $"superseded by {next.Label}", $"Replaced by {next.Label}; no cluster runs this instance any more");
        }
        return new(InstanceOutcomeKind.NotRunning, "no live cluster", "The latest instance; no cluster runs it now");
    }

    /// <summary>What the application list and header can say of the latest instance without the history: pending (and why), current, or nothing.</summary>
    public static InstanceOutcome? OfLatest(ApplicationSummary application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.LatestInstance is not { } latest)
        {
            return null;
        }
        if (application.LatestIsPending)
        {
            return Pending(latest.Uid, application.ErrorEpisode, now);
        }
        return latest.Uid == application.CurrentInstance?.Uid ? Current : null;
    }

    /// <summary>"pending", or "pending, upgrade blocked: Savepoint Error (seen 3 times since 12:00:40 UTC)" while an error episode holds it back.</summary>
    public static InstanceOutcome Pending(string instanceUid, ErrorEpisode? episode, DateTimeOffset now)
    {
        if (episode is null || episode.PendingInstanceUid != instanceUid)
        {
            return new(InstanceOutcomeKind.Pending, "pending", "The latest instance: the operator has not reconciled its generation yet");
        }
        var message = SecretMasker.Display(episode.Message);
        var seen = episode.Count > 1 ? $"seen {episode.Count} times since {When(episode.FirstSeen, now)}" : $"since {When(episode.FirstSeen, now)}";
        return new(InstanceOutcomeKind.UpgradeBlocked,
            $"pending, upgrade blocked: {Shorten(OperatorError.Summary(message))} ({seen})",
            $"The latest instance: the operator has not deployed it, its upgrade is blocked: {message}" +
            $" (first seen {RelativeTimeText.Iso(episode.FirstSeen)}, last seen {RelativeTimeText.Iso(episode.LastSeen)}, {Times(episode.Count)})");
    }

    /// <summary>A cluster of a rollback that started while this instance was the latest and runs an older one.</summary>
    private static ClusterSummary? RollbackAfter(InstanceSummary instance, ApplicationHistory history) =>
        history.Clusters.LastOrDefault(c =>
            c.OwnerSource == ClusterOwnerSource.Rollback
            && c.StartedAt >= instance.CreatedAt
            && (instance.SupersededAt is not { } superseded || c.StartedAt < superseded)
            && history.Find(ClusterStint.Of(c)[0].InstanceUid) is { } target
            && target.Sequence < instance.Sequence);

    private static InstanceOutcome NoCluster(InstanceSummary instance, ApplicationHistory history)
    {
        if (instance.ReconciledAt is { } reconciled && RevertedTo(instance, reconciled, history) is { } earlier)
        {
            var keepsRunning = earlier.Uid == history.CurrentInstanceUid && instance.SupersededAt is null;
            return new(InstanceOutcomeKind.Reverted,
                keepsRunning ? $"reverted to {earlier.Label}'s spec; {earlier.Label} keeps running" : $"reverted to {earlier.Label}'s spec",
                $"This spec equals {earlier.Label}'s, which was running: the operator reconciled it with nothing to change" +
                (keepsRunning ? $"; {earlier.Label}'s cluster keeps running" : ""));
        }
        if (instance.ReconciledAt is not null && instance.SupersededAt is null)
        {
            return new(InstanceOutcomeKind.Deploying, "deploying", "The operator took this generation on; its cluster is not up yet");
        }
        return new(InstanceOutcomeKind.NeverDeployed, "never deployed", "No cluster ever ran this instance: it was replaced before the operator deployed it");
    }

    /// <summary>An older instance with the same spec that was running when the operator reconciled this one.</summary>
    private static InstanceSummary? RevertedTo(InstanceSummary instance, DateTimeOffset reconciledAt, ApplicationHistory history) =>
        instance.SpecHash is not { } hash
            ? null
            : history.Instances
                .Where(i => i.Sequence < instance.Sequence && i.SpecHash == hash)
                .OrderByDescending(i => i.Sequence)
                .FirstOrDefault(i => ClusterStint.OfInstance(i.Uid, history.Clusters).Any(s => s.RanAt(reconciledAt)));

    private static string Shorten(string error)
    {
        var oneLine = error.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxErrorLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxErrorLength), "…");
    }

    /// <summary>The time of day on the day of <paramref name="now"/>, with the date otherwise; always UTC, as logs are.</summary>
    private static string When(DateTimeOffset time, DateTimeOffset now) =>
        time.UtcDateTime.ToString(time.UtcDateTime.Date == now.UtcDateTime.Date ? "HH:mm:ss 'UTC'" : "MMM d HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string Iso(DateTimeOffset? time) => time is { } t ? RelativeTimeText.Iso(t) : "an unknown time";

    private static string Short(string uid) => uid.Length <= 8 ? uid : uid[..8];
}
