namespace Cmf.Core.Tracking;

/// <summary>
/// One error as the operator keeps reporting it (DESIGN 3.2 rule 6). FKO's observer clears <c>status.error</c>
/// while the deployment is healthy and the reconciler sets it again when the retry fails, so a blocked upgrade
/// flaps error, null, error once per retry: an episode counts the returns instead of recording each flap.
/// </summary>
public sealed record ErrorEpisode
{
    public required string Message { get; init; }

    /// <summary>The instance whose upgrade was pending when the error appeared; a different pending instance starts a new episode.</summary>
    public string? PendingInstanceUid { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>When the operator last cleared it; null while the error is shown.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>Key of the event that records this episode; the event is updated as the count grows.</summary>
    public string EventKey => "error-episode:" + FirstSeen.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
