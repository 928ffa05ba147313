using System.Globalization;
using Cmf.Core.Model;
using Cmf.Core.Specs;
using Cmf.Core.Tracking;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

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

    /// <summary>The outcome <see cref="InstanceOutcomeRules"/> give the instance on its application's history, in words.</summary>
    public static InstanceOutcome For(InstanceState instance, ApplicationHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(history);
        var facts = InstanceOutcomeRules.Of(instance, history.OutcomeInputs());
        return Describe(facts, instance, history.CurrentInstanceUid, history.ErrorEpisode, now);
    }

    /// <summary>
    /// The words for an outcome already decided (<see cref="InstanceOutcomeFacts"/>, stored by the tracker or given by the
    /// rules): the instance's own facts, the application's current instance and error episode, and the clock's now.
    /// </summary>
    public static InstanceOutcome Describe(
        InstanceOutcomeFacts facts, InstanceState instance, string? currentInstanceUid, ErrorEpisode? episode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(instance);
        var other = Label(facts);
        switch (facts.Kind)
        {
            case InstanceOutcomeKind.Pending or InstanceOutcomeKind.UpgradeBlocked:
                return Pending(instance.Uid, episode, now);
            case InstanceOutcomeKind.Stopped:
                var label = StateLabel.ForJobState(instance.JobState, instance.Stop, instance.StopSavepointPath);
                return new(InstanceOutcomeKind.Stopped, StopWords.Of(instance.Stop, instance.StopSavepointPath), label.Description);
            case InstanceOutcomeKind.Current:
                return Current;
            case InstanceOutcomeKind.SupersededInPlace:
                return new(InstanceOutcomeKind.SupersededInPlace, $"superseded in place by {other}",
                    $"The operator applied {other}'s change in place at {Iso(facts.At)}: the same JobManager and job now run {other}");
            case InstanceOutcomeKind.RolledBack:
                return new(InstanceOutcomeKind.RolledBack, $"rolled back to {other}",
                    $"The operator rolled back at {Iso(facts.At)}: cluster {Short(facts.ClusterUid ?? "")} runs {other}'s spec again");
            case InstanceOutcomeKind.Suspended:
                return new(InstanceOutcomeKind.Suspended, "suspended", "The operator suspended the application with this spec: no job and no cluster run it");
            case InstanceOutcomeKind.Reverted:
                var keepsRunning = facts.InstanceUid == currentInstanceUid && instance.SupersededAt is null;
                return new(InstanceOutcomeKind.Reverted,
                    keepsRunning ? $"reverted to {other}'s spec; {other} keeps running" : $"reverted to {other}'s spec",
                    $"This spec equals {other}'s, which was running: the operator reconciled it with nothing to change" +
                    (keepsRunning ? $"; {other}'s cluster keeps running" : ""));
            case InstanceOutcomeKind.Deploying:
                return new(InstanceOutcomeKind.Deploying, "deploying", "The operator took this generation on; its cluster is not up yet");
            case InstanceOutcomeKind.NeverDeployed:
                return new(InstanceOutcomeKind.NeverDeployed, "never deployed", "No cluster ever ran this instance: it was replaced before the operator deployed it");
            case InstanceOutcomeKind.JobEnded when instance.JobState is { } ended:
                var wire = FlinkStateNames.ToWire(ended);
                return new(InstanceOutcomeKind.JobEnded, wire.ToLowerInvariant(), $"The job ended on its own: {wire}");
            case InstanceOutcomeKind.Superseded:
                return facts.InstanceUid is null
                    ? new(InstanceOutcomeKind.Superseded, "no longer deployed", "No cluster runs this instance and no newer instance is kept")
                    : new(InstanceOutcomeKind.Superseded, $"superseded by {other}", $"Replaced by {other}; no cluster runs this instance any more");
            default:
                return new(InstanceOutcomeKind.NotRunning, "no live cluster", "The latest instance; no cluster runs it now");
        }
    }

    /// <summary>What the application list and header can say of the latest instance without the history: pending (and why), current, or nothing.</summary>
    public static InstanceOutcome? OfLatest(ApplicationSummary application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.LatestInstance is not { } latest)
        {
            return null;
        }
        if (application.PendingUpgrade)
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

    /// <summary>"#3", or the short UID of an instance no longer retained.</summary>
    private static string Label(InstanceOutcomeFacts facts) =>
        facts.InstanceSequence is { } sequence ? $"#{sequence}" : Short(facts.InstanceUid ?? "");

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
