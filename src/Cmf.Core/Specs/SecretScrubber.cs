using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmf.Core.Specs;

/// <summary>
/// Hides secrets in free text before it is stored or logged (<c>status.error</c>, event messages, rejection reasons):
/// the secret values known from the application's specs, wherever they appear (also as escaped inside a JSON
/// error), then whatever <see cref="SecretPatterns"/> finds by shape. Each becomes <see cref="SecretMasker.MaskText"/>.
/// Known values shorter than <see cref="MinimumKnownLength"/> characters are left alone: masking every "abc" or
/// "true" would garble the text more than it protects.
/// A store written before secrets were found by value may only know a secret by its fingerprint token:
/// <see cref="WithTokens"/> also masks every word of the text whose token is one of those.
/// Equal when they know the same values, so observations that carry one compare by value.
/// </summary>
public sealed partial class SecretScrubber : IEquatable<SecretScrubber>
{
    public const int MinimumKnownLength = 4;

    private static readonly string[] Trivial = ["true", "false", "null"];

    private readonly string[] _known;
    private readonly string[] _searched;
    private readonly HashSet<string> _tokens;

    /// <summary>Knows no value: masks what the patterns find.</summary>
    public static SecretScrubber PatternsOnly { get; } = new([]);

    public SecretScrubber(IEnumerable<string> knownSecrets)
        : this(knownSecrets, [])
    {
    }

    private SecretScrubber(IEnumerable<string> knownSecrets, IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(knownSecrets);
        _known = [.. knownSecrets
            .Where(s => s.Length >= MinimumKnownLength && !Trivial.Contains(s, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
        // Longest first, so a secret that contains another is masked whole.
        _searched = [.. _known
            .SelectMany(s => new[] { s, JsonEscaped(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ThenBy(s => s, StringComparer.Ordinal)];
        _tokens = new HashSet<string>(tokens, StringComparer.Ordinal);
    }

    /// <summary>How many values it knows (for tests and diagnostics; the values never leave).</summary>
    public int KnownCount => _known.Length;

    /// <summary>A scrubber that knows the secrets of every spec given too (specs as the operator wrote them, plain).</summary>
    public SecretScrubber Including(IEnumerable<JsonNode?> specs)
    {
        var more = specs.SelectMany(SecretMasker.FindSecrets).ToList();
        return more.Count == 0 ? this : new SecretScrubber(_known.Concat(more), _tokens);
    }

    /// <summary>A scrubber that also masks words whose fingerprint token is one of <paramref name="fingerprintTokens"/>.</summary>
    public SecretScrubber WithTokens(IEnumerable<string> fingerprintTokens) => new(_known, _tokens.Concat(fingerprintTokens));

    [return: NotNullIfNotNull(nameof(text))]
    public string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var scrubbed = text;
        foreach (var secret in _searched)
        {
            if (scrubbed.Contains(secret, StringComparison.Ordinal))
            {
                scrubbed = scrubbed.Replace(secret, SecretMasker.MaskText, StringComparison.Ordinal);
            }
        }
        if (_tokens.Count > 0)
        {
            scrubbed = MaskWordsWithKnownTokens(scrubbed);
        }
        return SecretPatterns.Replace(scrubbed, static _ => SecretMasker.MaskText);
    }

    public bool Equals(SecretScrubber? other) =>
        other is not null && _known.AsSpan().SequenceEqual(other._known) && _tokens.SetEquals(other._tokens);

    public override bool Equals(object? obj) => Equals(obj as SecretScrubber);

    public override int GetHashCode() => HashCode.Combine(_known.Length, _known.Length == 0 ? 0 : _known[0].GetHashCode(StringComparison.Ordinal));

    // Words, then the parts of a word between = : @ / &, as a secret is most often written on its own or assigned.
    private string MaskWordsWithKnownTokens(string text) => Word().Replace(text, word =>
        _tokens.Contains(SecretMasker.Token(word.Value))
            ? SecretMasker.MaskText
            : WordPart().Replace(word.Value, part => _tokens.Contains(SecretMasker.Token(part.Value)) ? SecretMasker.MaskText : part.Value));

    // As a JSON writer that escapes only what JSON requires (Jackson, which writes FKO's errors) spells it.
    private static string JsonEscaped(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    [GeneratedRegex("""[^\s"'`,;()\[\]{}<>\\]{4,}""", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex("""[^\s"'`,;()\[\]{}<>\\=:@/&]{4,}""", RegexOptions.CultureInvariant)]
    private static partial Regex WordPart();
}
