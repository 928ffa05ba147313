using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cmf.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Cmf.Dashboard.Security;

/// <summary>The shared access token of Token mode: compared in constant time, never logged.</summary>
public sealed class AccessTokens(IOptions<CmfOptions> options)
{
    public bool Matches(string? presented)
    {
        var expected = options.Value.Auth.Token;
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }
        // Hashing first makes the comparison independent of both lengths.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    public static ClaimsPrincipal Principal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "access-token")], scheme));
}
