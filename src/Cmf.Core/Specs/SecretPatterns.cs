using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace Cmf.Core.Specs;

/// <summary>
/// Secrets found by their shape anywhere in a string (DESIGN 3.2 rule 10): only the secret part of the string is
/// found, so the rest stays readable.
/// <list type="bullet">
/// <item>URL user-info: the password of <c>scheme://user:password@host</c>.</item>
/// <item>Assignments to a sensitive name (<see cref="SensitiveKeys.IsSensitiveName"/>): <c>password=x</c>,
/// <c>-Dkafka.password=x</c>, JAAS <c>password="x"</c>, <c>AccountKey=x;</c>, <c>SharedAccessKey=x</c>,
/// <c>?token=x&amp;</c>, JSON <c>"password":"x"</c> (also escaped inside a JSON string), and
/// <c>name: x</c> when the name is dotted or hyphenated (<c>X-Api-Key: x</c>).</item>
/// <item>The value after a sensitive option: <c>--db-pass x</c>.</item>
/// <item>Credentials of <c>Authorization:</c> headers, <c>Basic &lt;base64 of user:password&gt;</c> and
/// <c>Bearer &lt;token&gt;</c> anywhere.</item>
/// <item>The body of a PEM private key, and tokens of well-known formats (JWT, GitHub, GitLab, Slack, Google API
/// keys, Stripe live keys).</item>
/// </list>
/// A value that is already a fingerprint token is not found again, so fingerprinting twice changes nothing.
/// </summary>
internal static partial class SecretPatterns
{
    /// <summary>Strings shorter than this hold no shape (<c>pwd=x</c> is the shortest).</summary>
    private const int MinimumLength = 5;

    /// <summary>The secret parts of <paramref name="text"/>, in order and without overlaps; null when there are none.</summary>
    public static List<Range>? Find(string text)
    {
        if (text.Length < MinimumLength)
        {
            return null;
        }
        List<Range>? found = null;
        AddUrlPasswords(text, ref found);
        AddAssignments(text, ref found);
        AddOptionValues(text, ref found);
        AddAuthorizationCredentials(text, ref found);
        AddWholeMatches(text, PrivateKeyBody(), "body", ref found);
        AddWholeMatches(text, KnownTokenFormat(), "token", ref found);
        return found is null ? null : Merged(found);
    }

    /// <summary>
    /// <paramref name="text"/> with each secret part replaced by what <paramref name="replace"/> makes of it; the same
    /// instance when there is none.
    /// </summary>
    public static string Replace(string text, Func<string, string> replace)
    {
        if (Find(text) is not { } ranges)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + ranges.Count * 24);
        var at = 0;
        foreach (var range in ranges)
        {
            var (start, length) = range.GetOffsetAndLength(text.Length);
            builder.Append(text, at, start - at).Append(replace(text.Substring(start, length)));
            at = start + length;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static void AddUrlPasswords(string text, ref List<Range>? found)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return;
        }
        foreach (Match match in UrlUserInfo().Matches(text))
        {
            Add(text, match.Groups["secret"], ref found);
        }
    }

    private static void AddAssignments(string text, ref List<Range>? found)
    {
        if (text.AsSpan().IndexOfAny('=', ':') < 0)
        {
            return;
        }
        // Matched one by one from just after each key: a value that is not secret may hold an assignment that is
        // ("a:password=x" has the value "password=x" for the key "a").
        var regex = Assignment();
        for (var match = regex.Match(text); match.Success; match = regex.Match(text, match.Groups["key"].Index + match.Groups["key"].Length))
        {
            var key = match.Groups["key"].ValueSpan;
            var keyQuoted = match.Groups["quote"].Success;
            var colon = match.Groups["separator"].ValueSpan[0] == ':';
            // "name: value" in prose ("password: must be set") is no assignment; "X-Api-Key: v" and JSON are.
            if (SensitiveKeys.IsSensitiveName(key) && (!colon || keyQuoted || key.IndexOfAny(".-_") >= 0))
            {
                AddValue(text, match.Groups["value"], ref found);
            }
        }
    }

    private static void AddOptionValues(string text, ref List<Range>? found)
    {
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            return;
        }
        foreach (Match match in OptionWithValue().Matches(text))
        {
            if (SensitiveKeys.IsSensitiveName(match.Groups["option"].ValueSpan))
            {
                AddValue(text, match.Groups["value"], ref found);
            }
        }
    }

    private static void AddAuthorizationCredentials(string text, ref List<Range>? found)
    {
        foreach (Match match in AuthorizationHeader().Matches(text))
        {
            Add(text, match.Groups["credential"], ref found);
        }
        foreach (Match match in BasicCredential().Matches(text))
        {
            if (IsBase64OfUserAndPassword(match.Groups["credential"].ValueSpan))
            {
                Add(text, match.Groups["credential"], ref found);
            }
        }
        foreach (Match match in BearerToken().Matches(text))
        {
            Add(text, match.Groups["credential"], ref found);
        }
    }

    private static void AddWholeMatches(string text, Regex regex, string group, ref List<Range>? found)
    {
        foreach (Match match in regex.Matches(text))
        {
            Add(text, match.Groups[group], ref found);
        }
    }

    // A quoted value is secret without its quotes: password="x" keeps password="...".
    private static void AddValue(string text, Group value, ref List<Range>? found)
    {
        var (start, length) = (value.Index, value.Length);
        if (value.ValueSpan.StartsWith("\\\"") && length >= 4)
        {
            (start, length) = (start + 2, length - 4);
        }
        else if (value.ValueSpan[0] is '"' or '\'' && length >= 2)
        {
            (start, length) = (start + 1, length - 2);
        }
        Add(text, start, length, ref found);
    }

    private static void Add(string text, Group group, ref List<Range>? found)
    {
        if (group.Success)
        {
            Add(text, group.Index, group.Length, ref found);
        }
    }

    private static void Add(string text, int start, int length, ref List<Range>? found)
    {
        if (length == 0 || SecretMasker.IsFingerprintToken(text.AsSpan(start, length)))
        {
            return;
        }
        (found ??= []).Add(new Range(start, start + length));
    }

    private static List<Range> Merged(List<Range> ranges)
    {
        ranges.Sort(static (a, b) => a.Start.Value.CompareTo(b.Start.Value));
        var merged = new List<Range>(ranges.Count) { ranges[0] };
        foreach (var range in ranges.Skip(1))
        {
            var last = merged[^1];
            if (range.Start.Value <= last.End.Value)
            {
                merged[^1] = new Range(last.Start, Math.Max(last.End.Value, range.End.Value));
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }

    // "Basic" is also an English word: only a base64 text that decodes to "user:password" is a credential.
    private static bool IsBase64OfUserAndPassword(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 != 0 || text.Length > 1024)
        {
            return false;
        }
        Span<byte> utf8 = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            utf8[i] = (byte)text[i];
        }
        Span<byte> decoded = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        return Base64.DecodeFromUtf8(utf8, decoded, out _, out var written) == OperationStatus.Done
            && decoded[..written].IndexOf((byte)':') > 0;
    }

    [GeneratedRegex("""://[^\s/@:"'<>\\]*:(?<secret>[^\s/@"'<>\\]+)@""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();

    // key, an optional closing quote (JSON keys), = or : (not "://"), and a value: escaped-quoted, quoted or bare.
    [GeneratedRegex("""
        (?<![A-Za-z0-9_.\-])(?<key>[A-Za-z0-9_.\-]*[A-Za-z0-9_])(?<quote>\\?["'])?[ \t]*(?<separator>[=:])(?!//)[ \t]*(?<value>\\"(?:[^"\\]|\\(?!"))*\\"|"(?:[^"\\]|\\.)*"|'[^'\n]*'|(?:[^\s,;&"'\\]|\\(?!["\\]))+)
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    // "--db-pass x": the value is the next word unless it is another option.
    [GeneratedRegex("""(?<![A-Za-z0-9_.\-])(?<option>--?[A-Za-z][A-Za-z0-9_.\-]*)[ \t]+(?<value>"(?:[^"\\]|\\.)*"|'[^'\n]*'|[^\s"'\-\\][^\s"'\\]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex OptionWithValue();

    [GeneratedRegex("""(?<![A-Za-z0-9_\-])(?:proxy-)?authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(?:(?:basic|bearer|token|digest|negotiate|apikey|bot|ssws)[ \t]+)?(?<credential>[^\s,;"'\\]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("""(?<![A-Za-z0-9_\-])Basic[ \t]+(?<credential>[A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])""", RegexOptions.CultureInvariant)]
    private static partial Regex BasicCredential();

    [GeneratedRegex("""(?<![A-Za-z0-9_\-])Bearer[ \t]+(?<credential>[A-Za-z0-9\-._~+/]{16,}=*)""", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex("""-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?<body>[\s\S]+?)-----END [A-Z0-9 ]*PRIVATE KEY-----""", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBody();

    [GeneratedRegex("""
        (?<![A-Za-z0-9_\-])(?<token>eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{8,}|(?:gh[pousr]|github_pat)_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_\-]{20,}|xox[abposr]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35}|[sr]k_live_[0-9A-Za-z]{16,})
        """, RegexOptions.CultureInvariant)]
    private static partial Regex KnownTokenFormat();
}
