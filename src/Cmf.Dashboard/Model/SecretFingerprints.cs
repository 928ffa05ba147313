using System.Text.RegularExpressions;

namespace Cmf.Dashboard.Model;

/// <summary>
/// Specs arrive with each sensitive value replaced by its fingerprint token <c>&lt;sealed:0123456789abcdef&gt;</c> (Cmf.Core's
/// spelling; a fingerprint, not the value). Two different tokens mean the secret changed; neither token is ever shown.
/// </summary>
public static partial class SecretFingerprints
{
    public const string Mask = "******";

    public static string MaskTokens(string text) => FingerprintToken().Replace(text, Mask);

    public static bool ContainsToken(string text) => FingerprintToken().IsMatch(text);

    /// <summary>True when the two texts carry different tokens (a secret was changed, added or removed).</summary>
    public static bool TokensDiffer(string oldText, string newText)
    {
        var oldTokens = FingerprintToken().Matches(oldText);
        var newTokens = FingerprintToken().Matches(newText);
        if (oldTokens.Count != newTokens.Count)
        {
            return true;
        }
        for (var i = 0; i < oldTokens.Count; i++)
        {
            if (!string.Equals(oldTokens[i].Value, newTokens[i].Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex("<sealed:[0-9a-fA-F]{16}>", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintToken();
}
