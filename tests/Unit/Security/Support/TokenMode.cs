using System.Globalization;

namespace Cmf.UnitTests.Security.Support;

/// <summary>The settings of a test dashboard in Token mode, with the one token the tests sign in with unless they rotate it.</summary>
public static class TokenMode
{
    public const string Token = "a-long-shared-access-token-for-tests";

    public static Dictionary<string, string?> Settings(string token = Token, int? sessionHours = null)
    {
        var settings = new Dictionary<string, string?> { ["Cmf:Auth:Mode"] = "Token", ["Cmf:Auth:Token"] = token };
        if (sessionHours is { } hours)
        {
            settings["Cmf:Auth:SessionHours"] = hours.ToString(CultureInfo.InvariantCulture);
        }
        return settings;
    }
}
