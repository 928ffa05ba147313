using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Cmf.Core.Configuration;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Security;

/// <summary>
/// When a session ends, whoever holds it (the sign-in cookie, a hub connection, a Blazor circuit): at the latest
/// <c>Cmf:Auth:SessionHours</c> after its sign-in, however active it stays; in OpenIdConnect mode when the identity
/// provider's id token expires (signing in again, often without a prompt, brings fresh claims); at a bearer JWT's own
/// expiry; as soon as the access token it was issued for is replaced; and when it signs out.
/// </summary>
public sealed class SessionRules(IOptions<CmfOptions> options, TimeProvider time, SignedOutSessions signedOut, AccessTokens? tokens = null)
{
    public const string IdClaim = "cmf:sid";
    public const string SignedInClaim = "cmf:signed_in";
    public const string IdentityProviderExpiryClaim = "cmf:idp_expires";

    // A JWT's own expiry, kept under its registered name (the handlers do not map claim names).
    private const string JwtExpiryClaim = "exp";

    public TimeSpan MaxAge => TimeSpan.FromHours(options.Value.Auth.SessionHours);

    /// <summary>Marks a new browser session: a random id (for sign-out) and the time of its sign-in.</summary>
    public void Stamp(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.AddClaim(new Claim(IdClaim, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16))));
        identity.AddClaim(new Claim(SignedInClaim, Seconds(time.GetUtcNow()), ClaimValueTypes.Integer64));
    }

    /// <summary>Records when the identity provider's id token expires, for <see cref="Evaluate"/>.</summary>
    public static void AddIdentityProviderExpiry(ClaimsIdentity identity, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.AddClaim(new Claim(IdentityProviderExpiryClaim, Seconds(expires), ClaimValueTypes.Integer64));
    }

    /// <summary>
    /// Whether the session of <paramref name="user"/> still stands, and until when. <paramref name="authenticationExpiry"/>
    /// is the authentication handler's own (the cookie's sliding expiry, a JWT's exp); a browser session (a cookie) must
    /// carry its sign-in time.
    /// </summary>
    public SessionStatus Evaluate(ClaimsPrincipal user, DateTimeOffset? authenticationExpiry = null, bool browserSession = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (tokens is not null && !tokens.IssuedWithCurrentToken(user))
        {
            return SessionStatus.Ended("the access token it was issued for has been replaced");
        }
        if (user.FindFirst(IdClaim)?.Value is { } id && signedOut.Contains(id))
        {
            return SessionStatus.SignedOut;
        }
        var signedIn = Time(user, SignedInClaim);
        if (browserSession && signedIn is null)
        {
            return SessionStatus.Ended("it carries no sign-in time (it predates session limits)");
        }
        var limits = new (DateTimeOffset? At, string Reason)[]
        {
            (signedIn + MaxAge, "it is older than Cmf:Auth:SessionHours"),
            (Time(user, IdentityProviderExpiryClaim), "the identity provider's sign-in expired"),
            (Time(user, JwtExpiryClaim), "its token expired"),
            (authenticationExpiry, "its sign-in expired"),
        };
        var first = limits.Where(l => l.At is not null).OrderBy(l => l.At).FirstOrDefault();
        if (first.At is not { } endsAt)
        {
            return SessionStatus.Open;
        }
        return endsAt <= time.GetUtcNow() ? SessionStatus.Ended(first.Reason) : new SessionStatus(null, endsAt);
    }

    /// <summary>Ends the session of <paramref name="user"/> everywhere on this replica (no-op for a principal without a session).</summary>
    public void SignOut(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(IdClaim)?.Value is { } id)
        {
            signedOut.Add(id, (Time(user, SignedInClaim) ?? time.GetUtcNow()) + MaxAge);
        }
    }

    /// <summary>Calls <paramref name="callback"/> (once) when some session may have ended early: a sign-out or a new access token.</summary>
    public IDisposable OnRevocation(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var once = new OnceCallback(callback);
        var signOut = signedOut.Changed.Register(once.Invoke);
        var rotation = tokens?.Rotation.Register(once.Invoke) ?? default;
        return new Registrations(signOut, rotation);
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(ClaimsPrincipal user, string claimType) =>
        long.TryParse(user.FindFirst(claimType)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private sealed class OnceCallback(Action callback)
    {
        private int _called;

        public void Invoke()
        {
            if (Interlocked.Exchange(ref _called, 1) == 0)
            {
                callback();
            }
        }
    }

    private sealed class Registrations(CancellationTokenRegistration signOut, CancellationTokenRegistration rotation) : IDisposable
    {
        public void Dispose()
        {
            signOut.Dispose();
            rotation.Dispose();
        }
    }
}
