using System.Globalization;

namespace Cmf.UnitTests.Security.Support;

/// <summary>The dashboard's settings for each sign-in mode, as the tests start it.</summary>
public static class SignInSettings
{
    public static Dictionary<string, string?> Token(string token, int sessionHours = 12) => new()
    {
        ["Cmf:Auth:Mode"] = "Token",
        ["Cmf:Auth:Token"] = token,
        ["Cmf:Auth:SessionHours"] = sessionHours.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>OpenID Connect against <paramref name="provider"/>; viewers must carry groups=flink-viewers.</summary>
    public static Dictionary<string, string?> OpenIdConnect(TestOpenIdProvider provider) => new()
    {
        ["Cmf:Auth:Mode"] = "OpenIdConnect",
        ["Cmf:Auth:OpenIdConnect:Authority"] = provider.Authority,
        ["Cmf:Auth:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId,
        ["Cmf:Auth:OpenIdConnect:ClientSecret"] = TestOpenIdProvider.ClientSecret,
        ["Cmf:Auth:OpenIdConnect:RequiredClaimType"] = "groups",
        ["Cmf:Auth:OpenIdConnect:RequiredClaimValue"] = "flink-viewers",
        ["Cmf:Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
    };
}
