namespace Cmf.Dashboard.Security;

/// <summary>
/// Whether a session still stands (<see cref="EndsAt"/>, when it has a limit) or why it ended; <see cref="WasSignedOut"/>
/// when the viewer signed out (a page then says so instead of asking to sign in again).
/// </summary>
public readonly record struct SessionStatus(string? EndedBecause, DateTimeOffset? EndsAt, bool WasSignedOut = false)
{
    public static SessionStatus Open => new(null, null);

    public static SessionStatus SignedOut => new("it was signed out", null, WasSignedOut: true);

    public bool HasEnded => EndedBecause is not null;

    public static SessionStatus Ended(string reason) => new(reason, null);
}
