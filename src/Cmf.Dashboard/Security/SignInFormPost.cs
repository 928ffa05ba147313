namespace Cmf.Dashboard.Security;

/// <summary>
/// Marks the endpoints that take a browser form by POST, sign-in and sign-out: the only writes the read-only rule lets
/// through besides SignalR's transports. Neither changes anything in the cluster or the store.
/// </summary>
internal sealed class SignInFormPost
{
    public static SignInFormPost Instance { get; } = new();

    private SignInFormPost()
    {
    }
}
