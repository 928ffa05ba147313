using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmf.Core.Specs;

/// <summary>
/// Hides secret values in specs (DESIGN 3.2 rule 7, docs/architecture.md "Secrets").
/// <list type="bullet">
/// <item>Inside <c>flinkConfiguration</c> a value is secret when its key, or the dotted path of nested
/// keys leading to it (<c>security: {ssl: {keystore-password: x}}</c> is <c>security.ssl.keystore-password</c>),
/// is sensitive by <see cref="SensitiveKeys.IsSensitiveKey"/>.</item>
/// <item>Elsewhere a value is secret when its key is sensitive and not a Kubernetes reference field
/// (<see cref="SensitiveKeys.KubernetesReferenceFields"/>), and the <c>value</c> of an entry of an
/// <c>env</c> array is secret when the variable's name looks sensitive. <c>valueFrom</c> only names a
/// Secret and stays.</item>
/// <item>In <c>args</c> and <c>command</c> lists, the value of an option with a sensitive name
/// (<c>--password=x</c>, <c>-Dfs.s3a.secret.key=x</c>, <c>--api-key x</c>). Secrets inside free text, such
/// as a shell command line in one string or a log configuration file, are not found.</item>
/// <item>A secret object or array (<c>http-headers: {a: b}</c>) becomes one token.</item>
/// </list>
/// <see cref="Seal"/> replaces a secret by <c>&lt;sealed:xxxxxxxxxxxxxxxx&gt;</c>, the first 64 bits of
/// SHA-256 over a fixed prefix and the value's canonical JSON, so a diff can tell that a secret changed
/// without storing it. The fingerprint is unsalted: whoever holds the database can test guesses against
/// it, which breaks weak passwords quickly. It hides values from readers of the UI and API, not from an
/// attacker with the database and time.
/// </summary>
public static partial class SecretMasker
{
    public const string MaskText = "******";

    private const string SealedPrefix = "<sealed:";

    private static readonly byte[] FingerprintPrefix = "cmf-fa sealed secret v1\n"u8.ToArray();

    /// <summary>A copy of <paramref name="node"/> with every secret replaced by its sealed token.</summary>
    public static JsonNode? Seal(JsonNode? node)
    {
        var copy = node?.DeepClone();
        SealInPlace(copy);
        return copy;
    }

    /// <summary>A copy of <paramref name="node"/> with every secret replaced by <see cref="MaskText"/> (for environment defaults).</summary>
    public static JsonNode? Mask(JsonNode? node)
    {
        var copy = node?.DeepClone();
        if (copy is not null)
        {
            Redact(copy, static _ => JsonValue.Create(MaskText), configPath: null);
        }
        return copy;
    }

    /// <summary>A copy of a sealed document as a person may see it: every sealed token becomes <see cref="MaskText"/>.</summary>
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
        text.Contains(SealedPrefix, StringComparison.Ordinal) ? SealedToken().Replace(text, MaskText) : text;

    public static bool IsSealed(string value) => value.Length == 25 && SealedToken().IsMatch(value);

    /// <summary>Seals a tree the caller owns, without copying it.</summary>
    internal static void SealInPlace(JsonNode? node)
    {
        if (node is not null)
        {
            Redact(node, SealValue, configPath: null);
        }
    }

    private static JsonNode SealValue(JsonNode value)
    {
        if (JsonScalars.TryGetString(value, out var text) && IsSealed(text))
        {
            return value;
        }
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(FingerprintPrefix);
        CanonicalJson.Write(buffer, value);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return JsonValue.Create(SealedPrefix + Convert.ToHexStringLower(hash[..8]) + ">");
    }

    // configPath is null outside flinkConfiguration, and the dotted path of the current object inside it.
    private static void Redact(JsonNode node, Func<JsonNode, JsonNode> replace, string? configPath)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Redact(item, replace, configPath);
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
            if (path is null ? SensitiveKeys.IsSensitiveSpecKey(key) : SensitiveKeys.IsSensitiveKey(path))
            {
                var replacement = replace(value);
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
                    RedactEnvironment(list, replace);
                }
                else if (key is "args" or "command")
                {
                    RedactArguments(list, replace);
                }
            }
            Redact(value, replace, path ?? (key == "flinkConfiguration" ? "" : null));
        }
    }

    private static void RedactEnvironment(JsonArray env, Func<JsonNode, JsonNode> replace)
    {
        foreach (var item in env)
        {
            if (item is JsonObject variable
                && JsonScalars.TryGetString(variable["name"], out var name)
                && SensitiveKeys.IsSensitiveEnvironmentVariable(name)
                && variable["value"] is { } value
                && replace(value) is var replacement
                && !ReferenceEquals(replacement, value))
            {
                variable["value"] = replacement;
            }
        }
    }

    // Command-line options: "--password=x" and "-Dsecurity.ssl.key-password=x" keep their name and
    // seal the value; "--password x" seals the next argument unless it is another option.
    private static void RedactArguments(JsonArray arguments, Func<JsonNode, JsonNode> replace)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!JsonScalars.TryGetString(arguments[i], out var argument) || !argument.StartsWith('-'))
            {
                continue;
            }
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var option = equals < 0 ? argument : argument[..equals];
            if (!SensitiveKeys.IsSensitiveKey(option))
            {
                continue;
            }
            if (equals >= 0)
            {
                var secret = argument[(equals + 1)..];
                if (!IsSealed(secret))
                {
                    arguments[i] = argument[..(equals + 1)] + replace(JsonValue.Create(secret)).GetValue<string>();
                }
            }
            else if (i + 1 < arguments.Count && arguments[i + 1] is { } next
                && !(JsonScalars.TryGetString(next, out var text) && text.StartsWith('-')))
            {
                var replacement = replace(next);
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

    // The replacement for a string that holds sealed tokens; containers are changed in place.
    private static JsonValue? Displayed(JsonNode? value)
    {
        if (value is JsonValue && JsonScalars.TryGetString(value, out var text))
        {
            return text.Contains(SealedPrefix, StringComparison.Ordinal) ? JsonValue.Create(Display(text)) : null;
        }
        if (value is not null)
        {
            DisplayInPlace(value);
        }
        return null;
    }

    [GeneratedRegex("<sealed:[0-9a-f]{16}>", RegexOptions.CultureInvariant)]
    private static partial Regex SealedToken();
}
