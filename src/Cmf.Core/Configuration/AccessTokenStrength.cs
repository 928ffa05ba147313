namespace Cmf.Core.Configuration;

/// <summary>
/// A rough strength estimate of <c>Cmf:Auth:Token</c>, enough to refuse the obviously weak ones at start-up: a
/// placeholder word, one character repeated, a run such as 0123456789abcdef, a short block repeated. It counts the
/// characters that add something (not a repeat of the one before, not the next one in a run, at most twice the number
/// of distinct characters) times the bits of the character classes used. It cannot see a dictionary word or a
/// keyboard walk: generated tokens (<c>openssl rand -base64 32</c>) are the advice.
/// </summary>
public static class AccessTokenStrength
{
    public const int MinimumLength = 16;
    public const int MinimumBits = 64;
    public const int RecommendedBits = 128;

    private static readonly string[] Placeholders =
    [
        "changeme", "change-me", "change_me", "password", "passw0rd", "placeholder", "replaceme", "replace-me",
        "example", "insecure", "default", "secret", "letmein", "qwerty", "123456",
    ];

    /// <summary>The estimated bits of <paramref name="token"/> (0 for an empty one).</summary>
    public static int EstimateBits(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 0)
        {
            return 0;
        }
        var pool = (token.Any(char.IsAsciiLetterLower) ? 26 : 0)
            + (token.Any(char.IsAsciiLetterUpper) ? 26 : 0)
            + (token.Any(char.IsAsciiDigit) ? 10 : 0)
            + (token.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 33 : 0);
        var counted = 1;
        for (var i = 1; i < token.Length; i++)
        {
            if (Math.Abs(token[i] - token[i - 1]) > 1)
            {
                counted++;
            }
        }
        counted = Math.Min(counted, 2 * token.Distinct().Count());
        return (int)Math.Floor(counted * Math.Log2(Math.Max(pool, 2)));
    }

    /// <summary>Why <paramref name="token"/> is too weak to guard the dashboard, or null when it will do. Never repeats the token.</summary>
    public static string? Weakness(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length < MinimumLength)
        {
            return $"it must be at least {MinimumLength} characters";
        }
        if (Placeholders.FirstOrDefault(p => token.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return $"it contains the placeholder '{word}'";
        }
        var bits = EstimateBits(token);
        return bits < MinimumBits
            ? $"it carries about {bits} bits by a character-class estimate (repeats and runs such as 'aaaa' or 'abcd' count once), below the minimum of {MinimumBits}"
            : null;
    }
}
