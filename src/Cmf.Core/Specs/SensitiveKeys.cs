using System.Buffers;
using System.Collections.Frozen;

namespace Cmf.Core.Specs;

/// <summary>
/// Which keys, environment variables and option names hold secrets (DESIGN 3.2 rule 10). The key patterns are
/// Flink's own (<c>GlobalConfiguration.isSensitive</c>): a key is sensitive when it contains one of them, ignoring
/// case. Environment variables and the names in free text (<c>--db-pass</c>, <c>AccountKey=</c>) follow wider rules,
/// because nobody constrains how they are spelled.
/// </summary>
public static class SensitiveKeys
{
    public static IReadOnlyList<string> Patterns { get; } =
    [
        "password", "secret", "token", "apikey", "api-key", "auth-params", "service-key", "basic-auth",
        "jaas.config", "fs.azure.account.key", "http-headers",
    ];

    /// <summary>
    /// What an environment variable's name contains when its value is secret (<c>DB_PASS</c>, <c>MYSQL_PWD</c>,
    /// <c>EVENTHUB_CONNECTION_STRING</c>, <c>API_KEY</c>), also in <c>containerized.*.env.*</c> keys.
    /// </summary>
    public static IReadOnlyList<string> EnvironmentPatterns { get; } =
    [
        "pass", "pwd", "secret", "token", "key", "credential", "connection_string", "connectionstring",
        // The rest of Flink's patterns, as written and with underscores (KAFKA_SASL_JAAS_CONFIG).
        "auth-params", "auth_params", "basic-auth", "basic_auth", "jaas.config", "jaas_config", "http-headers", "http_headers",
    ];

    /// <summary>
    /// Fields of the Kubernetes pod and ingress schemas whose names contain a pattern but that only name
    /// a Secret or switch a token on (<c>secretKeyRef</c>, <c>imagePullSecrets</c>, ...): these are every
    /// such field in the FlinkDeployment CRD. They are not secrets, and masking them would hide which
    /// Secret a pod uses. They are exempt outside <c>flinkConfiguration</c> only.
    /// </summary>
    public static FrozenSet<string> KubernetesReferenceFields { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "automountServiceAccountToken", "imagePullSecrets", "nodePublishSecretRef", "secret", "secretFile",
        "secretKeyRef", "secretName", "secretRef", "serviceAccountToken");

    private static readonly SearchValues<string> KeyPatterns =
        SearchValues.Create([.. Patterns], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> EnvironmentNamePatterns =
        SearchValues.Create([.. EnvironmentPatterns], StringComparison.OrdinalIgnoreCase);

    // Names in command lines and free text: Flink's patterns, the usual abbreviations and the connection-string keys
    // of Azure (AccountKey, SharedAccessKey). "pass" alone only as a word end (db-pass, DB_PASS, dbPass), see below,
    // and "sig" only as the whole name (the signature of an Azure SAS URL, ?sv=...&sig=...).
    private static readonly SearchValues<string> NamePatterns = SearchValues.Create(
        [
            .. Patterns, "passwd", "passphrase", "pwd", "api_key", "credential", "private-key", "private_key", "privatekey",
            "access-key", "access_key", "accesskey", "accountkey", "client-key", "client_key",
        ],
        StringComparison.OrdinalIgnoreCase);

    private const string FlinkEnvironmentPrefix = "containerized.";
    private const string FlinkEnvironmentSegment = ".env.";

    /// <summary>A Flink configuration key (or dotted path of nested keys) that Flink masks.</summary>
    public static bool IsSensitiveKey(string key) => key.AsSpan().ContainsAny(KeyPatterns);

    /// <summary>
    /// A <c>flinkConfiguration</c> key (or dotted path) whose value is secret: sensitive to Flink, or a container
    /// environment variable with a sensitive name (<c>containerized.master.env.DB_PWD</c>).
    /// </summary>
    public static bool IsSensitiveConfigurationKey(string key)
    {
        if (IsSensitiveKey(key))
        {
            return true;
        }
        if (!key.StartsWith(FlinkEnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var env = key.IndexOf(FlinkEnvironmentSegment, FlinkEnvironmentPrefix.Length - 1, StringComparison.OrdinalIgnoreCase);
        return env >= 0 && IsSensitiveEnvironmentVariable(key[(env + FlinkEnvironmentSegment.Length)..]);
    }

    /// <summary>A key anywhere else in a spec: sensitive unless it is a Kubernetes reference field.</summary>
    public static bool IsSensitiveSpecKey(string key) => IsSensitiveKey(key) && !KubernetesReferenceFields.Contains(key);

    /// <summary>The name of an environment variable whose value should not be shown (<c>DB_PASS</c>, <c>API_KEY</c>).</summary>
    public static bool IsSensitiveEnvironmentVariable(string name) => name.AsSpan().ContainsAny(EnvironmentNamePatterns);

    /// <summary>
    /// A name in a command line or free text whose value is secret: an option (<c>--db-pass</c>,
    /// <c>-Djavax.net.ssl.keyStorePassword</c>) or the key of an assignment (<c>token=</c>, <c>AccountKey=</c>).
    /// </summary>
    public static bool IsSensitiveName(ReadOnlySpan<char> name) =>
        (name.ContainsAny(NamePatterns) || EndsAWordWithPass(name) || name.Equals("sig", StringComparison.OrdinalIgnoreCase))
        && !EndsWithAReferenceWord(name);

    // The name, id, file or path of a secret is no secret: SharedAccessKeyName=send, --password-file /run/x, tokenPath=...
    private static bool EndsWithAReferenceWord(ReadOnlySpan<char> name)
    {
        foreach (var word in ReferenceWords)
        {
            if (name.Length > word.Length && name.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && (name[^(word.Length + 1)] is '.' or '-' or '_' || char.IsAsciiLetterUpper(name[^word.Length])))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] ReferenceWords = ["name", "id", "file", "path", "type", "ref"];

    // "pass" closing a word: db-pass, DB_PASS, --pass, dbPass; not "passive" or "compass.enabled".
    private static bool EndsAWordWithPass(ReadOnlySpan<char> name)
    {
        for (var at = name.IndexOf("pass", StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var end = at + 4;
            var startsWord = at == 0 || !char.IsAsciiLetterLower(name[at - 1]) || char.IsAsciiLetterUpper(name[at]);
            if (startsWord && (end == name.Length || !char.IsAsciiLetter(name[end])))
            {
                return true;
            }
            var next = name[end..].IndexOf("pass", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : end + next;
        }
        return false;
    }
}
