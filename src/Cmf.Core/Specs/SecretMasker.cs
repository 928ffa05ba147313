using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmf.Core.Json;

namespace Cmf.Core.Specs;

/// <summary>
/// Hides secret values in specs (DESIGN 3.2 rule 10, docs/architecture.md "Secrets").
/// <list type="bullet">
/// <item>Inside <c>flinkConfiguration</c> a value is secret when its key, or the dotted path of nested
/// keys leading to it (<c>security: {ssl: {keystore-password: x}}</c> is <c>security.ssl.keystore-password</c>),
/// is sensitive by <see cref="SensitiveKeys.IsSensitiveConfigurationKey"/> (Flink's patterns, and
/// <c>containerized.*.env.*</c> variables with sensitive names).</item>
/// <item>Elsewhere a value is secret when its key is sensitive and not a Kubernetes reference field
/// (<see cref="SensitiveKeys.KubernetesReferenceFields"/>), and the <c>value</c> of an entry of an
/// <c>env</c> array is secret when the variable's name looks sensitive. <c>valueFrom</c> only names a
/// Secret and stays.</item>
/// <item>In <c>args</c> and <c>command</c> lists, the value of an option with a sensitive name
/// (<c>--password=x</c>, <c>-Dfs.s3a.secret.key=x</c>, <c>--db-pass x</c>).</item>
/// <item>In every other string, the secret parts <see cref="SecretPatterns"/> finds by their shape (URL user-info,
/// <c>password=</c> assignments, JAAS <c>password="x"</c>, connection-string keys, <c>Authorization</c> credentials,
/// ...): only that part is fingerprinted, so <c>https://ci:x@host/app.jar</c> reads <c>https://ci:******@host/app.jar</c>.</item>
/// <item>A secret object or array (<c>http-headers: {a: b}</c>) becomes one token.</item>
/// </list>
/// <see cref="Fingerprint"/> replaces a secret by <c>&lt;sealed:xxxxxxxxxxxxxxxx&gt;</c>, the first 64 bits of
/// SHA-256 over a fixed prefix and the value's canonical JSON, so a diff can tell that a secret changed
/// without storing it. The fingerprint is unsalted: whoever holds the database can test guesses against
/// it, which breaks weak passwords quickly. It hides values from readers of the UI and API, not from an
/// attacker with the database and time.
/// </summary>
public static partial class SecretMasker
{
    public const string MaskText = "******";

    // The token text keeps the word of the first release (stored specs hold it): a fingerprint, not a Bitnami SealedSecret.
    private const string TokenPrefix = "<sealed:";
    private const int TokenLength = 25;

    private static readonly byte[] FingerprintPrefix = "cmf-fa sealed secret v1\n"u8.ToArray();

    /// <summary>A copy of <paramref name="node"/> with every secret replaced by its fingerprint token.</summary>
    public static JsonNode? Fingerprint(JsonNode? node)
    {
        var copy = node?.DeepClone();
        FingerprintInPlace(copy);
        return copy;
    }

    /// <summary>A copy of <paramref name="node"/> with every secret replaced by <see cref="MaskText"/> (for environment defaults).</summary>
    public static JsonNode? Mask(JsonNode? node)
    {
        var copy = node?.DeepClone();
        if (copy is not null)
        {
            Redact(copy, new Redaction(RedactionMode.Mask, secrets: null), configPath: null);
        }
        return copy;
    }

    /// <summary>
    /// The plain values <see cref="Fingerprint"/> would fingerprint in <paramref name="node"/> (strings, and the scalars inside a
    /// secret object), without changing it: what a <see cref="SecretScrubber"/> looks for in free text.
    /// </summary>
    public static IReadOnlyCollection<string> FindSecrets(JsonNode? node)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (node is not null)
        {
            Redact(node, new Redaction(RedactionMode.Collect, secrets), configPath: null);
        }
        return secrets;
    }

    /// <summary>A copy of a fingerprinted document as a person may see it: every fingerprint token becomes <see cref="MaskText"/>.</summary>
    public static JsonNode? Display(JsonNode? node)
    {
        var copy = node?.DeepClone();
        if (copy is not null)
        {
            DisplayInPlace(copy);
        }
        return copy;
    }

    /// <summary>Rendered text (canonical JSON or YAML, a diff line) as a person may see it.</summary>
    public static string Display(string text) =>
        text.Contains(TokenPrefix, StringComparison.Ordinal) ? FingerprintTokenPattern().Replace(text, MaskText) : text;

    public static bool IsFingerprintToken(string value) => IsFingerprintToken(value.AsSpan());

    public static bool IsFingerprintToken(ReadOnlySpan<char> value) =>
        value.Length == TokenLength
        && value.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && value[^1] == '>'
        && !value[TokenPrefix.Length..^1].ContainsAnyExcept(LowerHexDigits);

    /// <summary>The fingerprint tokens in a text (a stored spec), for recognising their values elsewhere.</summary>
    public static IEnumerable<string> FingerprintTokens(string text)
    {
        foreach (Match match in FingerprintTokenPattern().Matches(text))
        {
            yield return match.Value;
        }
    }

    /// <summary>The token <see cref="Fingerprint"/> gives a secret string.</summary>
    public static string Token(string secret) => Token(JsonValue.Create(secret));

    /// <summary>
    /// Fingerprints a tree the caller owns, without copying it; when <paramref name="secrets"/> is given, every plain value
    /// fingerprinted is added to it.
    /// </summary>
    /// <returns>
    /// False when nothing was replaced, so the node is as it was; true when something may have been (a mask that replaces
    /// itself counts), so a caller may reuse what it wrote of the node before only on false.
    /// </returns>
    internal static bool FingerprintInPlace(JsonNode? node, ICollection<string>? secrets = null)
    {
        if (node is null)
        {
            return false;
        }
        var redaction = new Redaction(RedactionMode.Fingerprint, secrets);
        Redact(node, redaction, configPath: null);
        return redaction.Replaced;
    }

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    private static string Token(JsonNode value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(FingerprintPrefix);
        CanonicalJson.Write(buffer, value);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return TokenPrefix + Convert.ToHexStringLower(hash[..8]) + ">";
    }

    // configPath is null outside flinkConfiguration, and the dotted path of the current object inside it.
    private static void Redact(JsonNode node, Redaction redaction, string? configPath)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not { } item)
                {
                    continue;
                }
                if (redaction.Parts(item) is { } replaced)
                {
                    array[i] = replaced;
                }
                else
                {
                    Redact(item, redaction, configPath);
                }
            }
            return;
        }
        if (node is not JsonObject obj)
        {
            return;
        }
        for (var i = 0; i < obj.Count; i++)
        {
            var (key, value) = obj.GetAt(i);
            if (value is null)
            {
                continue;
            }
            var path = configPath is null ? null : configPath.Length == 0 ? key : configPath + "." + key;
            if (path is null ? SensitiveKeys.IsSensitiveSpecKey(key) : SensitiveKeys.IsSensitiveConfigurationKey(path))
            {
                var replacement = redaction.Whole(value);
                if (!ReferenceEquals(replacement, value))
                {
                    obj.SetAt(i, replacement);
                }
                continue;
            }
            if (path is null && value is JsonArray list)
            {
                if (key == "env")
                {
                    RedactEnvironment(list, redaction);
                }
                else if (key is "args" or "command")
                {
                    RedactArguments(list, redaction);
                }
            }
            if (redaction.Parts(value) is { } replaced)
            {
                obj.SetAt(i, replaced);
                continue;
            }
            Redact(value, redaction, path ?? (key == "flinkConfiguration" ? "" : null));
        }
    }

    private static void RedactEnvironment(JsonArray env, Redaction redaction)
    {
        foreach (var item in env)
        {
            if (item is JsonObject variable
                && JsonScalars.TryGetString(variable["name"], out var name)
                && SensitiveKeys.IsSensitiveEnvironmentVariable(name)
                && variable["value"] is { } value
                && redaction.Whole(value) is var replacement
                && !ReferenceEquals(replacement, value))
            {
                variable["value"] = replacement;
            }
        }
    }

    // Command-line options: "--password=x" and "-Dsecurity.ssl.key-password=x" keep their name and
    // fingerprint the value; "--db-pass x" fingerprints the next argument unless it is another option.
    private static void RedactArguments(JsonArray arguments, Redaction redaction)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!JsonScalars.TryGetString(arguments[i], out var argument) || !argument.StartsWith('-'))
            {
                continue;
            }
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var option = equals < 0 ? argument.AsSpan() : argument.AsSpan(0, equals);
            if (!SensitiveKeys.IsSensitiveName(option))
            {
                continue;
            }
            if (equals >= 0)
            {
                var secret = argument[(equals + 1)..];
                if (secret.Length > 0 && redaction.WholeText(secret) is var replaced && !ReferenceEquals(replaced, secret))
                {
                    arguments[i] = argument[..(equals + 1)] + replaced;
                }
            }
            else if (i + 1 < arguments.Count && arguments[i + 1] is { } next
                && !(JsonScalars.TryGetString(next, out var text) && text.StartsWith('-')))
            {
                var replacement = redaction.Whole(next);
                if (!ReferenceEquals(replacement, next))
                {
                    arguments[i + 1] = replacement;
                }
                i++;
            }
        }
    }

    private static void DisplayInPlace(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    if (Displayed(obj.GetAt(i).Value) is { } shown)
                    {
                        obj.SetAt(i, shown);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Displayed(array[i]) is { } shown)
                    {
                        array[i] = shown;
                    }
                }
                break;
        }
    }

    // The replacement for a string that holds fingerprint tokens; containers are changed in place.
    private static JsonValue? Displayed(JsonNode? value)
    {
        if (value is JsonValue && JsonScalars.TryGetString(value, out var text))
        {
            return text.Contains(TokenPrefix, StringComparison.Ordinal) ? JsonValue.Create(Display(text)) : null;
        }
        if (value is not null)
        {
            DisplayInPlace(value);
        }
        return null;
    }

    [GeneratedRegex("<sealed:[0-9a-f]{16}>", RegexOptions.CultureInvariant)]
    private static partial Regex FingerprintTokenPattern();

    private enum RedactionMode
    {
        Fingerprint,
        Mask,
        Collect,
    }

    /// <summary>What becomes of a secret: its fingerprint token, the mask, or nothing (only collected).</summary>
    private sealed class Redaction(RedactionMode mode, ICollection<string>? secrets)
    {
        /// <summary>True once a value or a part of one was replaced (every replacement goes through <see cref="Whole"/> or <see cref="WholeText"/>).</summary>
        public bool Replaced { get; private set; }

        /// <summary>The replacement of a whole secret value (the same node when nothing changes).</summary>
        public JsonNode Whole(JsonNode value)
        {
            if (JsonScalars.TryGetString(value, out var text))
            {
                var replaced = WholeText(text);
                return ReferenceEquals(replaced, text) ? value : JsonValue.Create(replaced);
            }
            if (secrets is not null)
            {
                CollectScalars(value);
            }
            Replaced |= mode != RedactionMode.Collect;
            return mode switch
            {
                RedactionMode.Fingerprint => JsonValue.Create(Token(value)),
                RedactionMode.Mask => JsonValue.Create(MaskText),
                _ => value,
            };
        }

        /// <summary>The replacement of a secret string (the same instance when nothing changes).</summary>
        public string WholeText(string secret)
        {
            if (IsFingerprintToken(secret))
            {
                return secret;
            }
            secrets?.Add(secret);
            Replaced |= mode != RedactionMode.Collect;
            return mode switch
            {
                RedactionMode.Fingerprint => Token(JsonValue.Create(secret)),
                RedactionMode.Mask => MaskText,
                _ => secret,
            };
        }

        /// <summary>A string value with its secret parts replaced; null when it is no string or nothing changes.</summary>
        public JsonValue? Parts(JsonNode value)
        {
            if (value is not JsonValue || !JsonScalars.TryGetString(value, out var text))
            {
                return null;
            }
            var replaced = SecretPatterns.Replace(text, WholeText);
            if (ReferenceEquals(replaced, text) || mode == RedactionMode.Collect)
            {
                return null;
            }
            Replaced = true;
            return JsonValue.Create(replaced);
        }

        private void CollectScalars(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            CollectScalars(child);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is not null)
                        {
                            CollectScalars(child);
                        }
                    }
                    break;
                default:
                    var text = JsonScalars.TryGetString(node, out var value) ? value : node.ToJsonString();
                    if (!IsFingerprintToken(text))
                    {
                        secrets!.Add(text);
                    }
                    break;
            }
        }
    }
}
