using Cmf.Core.Configuration;

namespace Cmf.Dashboard.Security;

/// <summary>
/// How this dashboard is protected, known once the server has bound its addresses. Pages read it to show a warning while
/// sign-in is off; until it is checked, nothing is served.
/// </summary>
public sealed class SecurityPosture(AuthMode mode, bool allowUnsecuredNonLoopback)
{
    private volatile bool _checked;
    private IReadOnlyList<string> _exposedAddresses = [];

    public AuthMode Mode => mode;

    public bool SignInRequired => mode != AuthMode.Unsecured;

    public bool IsChecked => _checked || SignInRequired;

    /// <summary>Addresses beyond loopback the server listens on (empty when it listens on loopback only).</summary>
    public IReadOnlyList<string> ExposedAddresses => _exposedAddresses;

    /// <summary>What the pages show while sign-in is off; null when sign-in is on.</summary>
    public string? Warning => SignInRequired
        ? null
        : _exposedAddresses.Count == 0
            ? "Sign-in is off (Cmf:Auth:Mode is Unsecured): anyone who can open a browser on this machine can read this dashboard."
            : $"Sign-in is off (Cmf:Auth:Mode is Unsecured) and the dashboard listens on {string.Join(", ", _exposedAddresses)}: anyone who can reach it can read it.";

    /// <summary>Checks the bound addresses; throws, naming the settings to change, when unsecured mode would be reachable from elsewhere.</summary>
    public void Check(IReadOnlyCollection<string> boundAddresses)
    {
        ArgumentNullException.ThrowIfNull(boundAddresses);
        var exposed = ListeningAddresses.BeyondLoopback(boundAddresses);
        if (!SignInRequired && exposed.Count > 0 && !allowUnsecuredNonLoopback)
        {
            throw new InvalidOperationException(
                $"Refusing to start: Cmf:Auth:Mode is Unsecured and the dashboard listens beyond loopback on {string.Join(", ", exposed)}. "
                + "Listen on 127.0.0.1 or localhost only (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints), "
                + "or turn sign-in on (Cmf:Auth:Mode=Token or OpenIdConnect), "
                + "or accept an open dashboard with Cmf:Auth:AllowUnsecuredNonLoopback=true.");
        }
        _exposedAddresses = exposed;
        _checked = true;
    }
}
