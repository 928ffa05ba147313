namespace Cmf.Dashboard.Security;

/// <summary>Whether a session still stands (<see cref="EndsAt"/>, when it has a limit) or why it ended.</summary>
public readonly record struct SessionStatus(string? EndedBecause, DateTimeOffset? EndsAt)
{
    public static SessionStatus Open => new(null, null);

    public bool HasEnded => EndedBecause is not null;

    public static SessionStatus Ended(string reason) => new(reason, null);
}
