using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cmf.Core.Configuration;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The shared access token of Token mode: compared in constant time, never logged. It is read again when the
/// configuration reloads (a changed appsettings.json or mounted secret), so it can be rotated without a restart. Every
/// sign-in carries the token's <see cref="Version"/> (a keyed hash, not the token), so a new token, by reload or
/// restart, ends every session and connection made with the old one.
/// </summary>
public sealed partial class AccessTokens : IDisposable
{
    public const string VersionClaim = "cmf:token_version";

    private static readonly byte[] VersionLabel = Encoding.UTF8.GetBytes("Cmf.Dashboard access token version");

    private readonly IOptionsMonitor<CmfOptions> _options;
    private readonly ILogger<AccessTokens> _logger;
    private readonly IDisposable? _listener;
    private readonly Lock _gate = new();
    private Current _current;

    public AccessTokens(IOptionsMonitor<CmfOptions> options, ILogger<AccessTokens> logger)
    {
        _options = options;
        _logger = logger;
        _current = new Current(null, null, new CancellationTokenSource());
        Read();
        _listener = options.OnChange(_ => Read());
    }

    /// <summary>The version of the token in force; null while none is (an invalid token after a reload refuses everyone).</summary>
    public string? Version => Read().Version;

    /// <summary>Cancelled when the token changes; read it again afterwards for the next change.</summary>
    public CancellationToken Rotation => Read().Rotated.Token;

    public bool Matches(string? presented)
    {
        var expected = Read().Token;
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }
        // Hashing first makes the comparison independent of both lengths.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>Whoever presented the token in force: one shared identity, stamped with the token's version.</summary>
    public ClaimsPrincipal Principal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "access-token"), new Claim(VersionClaim, Version ?? "")], scheme));

    /// <summary>Whether <paramref name="user"/> signed in with the token in force.</summary>
    public bool IssuedWithCurrentToken(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var version = Version;
        var claimed = user.FindFirst(VersionClaim)?.Value;
        return version is not null && claimed is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(version), Encoding.ASCII.GetBytes(claimed));
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _current.Rotated.Dispose();
    }

    // Reads the token in force on every use: a reload that fails validation makes CurrentValue throw, and then nobody
    // gets in rather than the old token staying valid.
    private Current Read()
    {
        string? token;
        try
        {
            token = _options.CurrentValue.Auth.Token;
        }
        catch (OptionsValidationException)
        {
            token = null;
        }
        var previous = _current;
        if (string.Equals(previous.Token, token, StringComparison.Ordinal))
        {
            return previous;
        }
        Current next;
        lock (_gate)
        {
            previous = _current;
            if (string.Equals(previous.Token, token, StringComparison.Ordinal))
            {
                return previous;
            }
            next = new Current(token, token is null ? null : VersionOf(token), new CancellationTokenSource());
            _current = next;
        }
        if (previous.Token is not null)
        {
            LogRotated(_logger, token is null ? " to an invalid value: nobody can sign in until it is fixed" : "");
        }
        previous.Rotated.Cancel();
        return next;
    }

    private static string VersionOf(string token) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), VersionLabel).AsSpan(0, 16));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cmf:Auth:Token changed{Outcome}; every session and connection made with the old token ends.")]
    private static partial void LogRotated(ILogger logger, string outcome);

    private sealed record Current(string? Token, string? Version, CancellationTokenSource Rotated);
}
