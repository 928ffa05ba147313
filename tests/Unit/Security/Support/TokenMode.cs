namespace Cmf.UnitTests.Security.Support;

/// <summary>The settings of a test dashboard in Token mode, with the one token the tests sign in with.</summary>
public static class TokenMode
{
    public const string Token = "a-long-shared-access-token-for-tests";

    public static Dictionary<string, string?> Settings() => new() { ["Cmf:Auth:Mode"] = "Token", ["Cmf:Auth:Token"] = Token };
}
