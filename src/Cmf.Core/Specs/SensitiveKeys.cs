using System.Buffers;
using System.Collections.Frozen;

namespace Cmf.Core.Specs;

/// <summary>
/// Which keys and environment variables hold secrets (DESIGN 3.2 rule 7). The key patterns are
/// Flink's own (<c>GlobalConfiguration.isSensitive</c>): a key is sensitive when it contains one of
/// them, ignoring case.
/// </summary>
public static class SensitiveKeys
{
    public static IReadOnlyList<string> Patterns { get; } =
    [
        "password", "secret", "token", "apikey", "api-key", "auth-params", "service-key", "basic-auth",
        "jaas.config", "fs.azure.account.key", "http-headers",
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

    // Environment variables spell Flink's patterns with underscores (FS_AZURE_ACCOUNT_KEY, API_KEY), and
    // carry a few secrets under names Flink never uses.
    private static readonly SearchValues<string> EnvironmentPatterns = SearchValues.Create(
        [
            .. Patterns
                .Concat(Patterns.Select(p => p.Replace('.', '_').Replace('-', '_')))
                .Concat(["passwd", "pwd", "credential", "private_key", "private-key", "access_key", "access-key"])
                .Distinct(StringComparer.Ordinal),
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A Flink configuration key (or dotted path of nested keys) that Flink masks.</summary>
    public static bool IsSensitiveKey(string key) => key.AsSpan().ContainsAny(KeyPatterns);

    /// <summary>A key anywhere else in a spec: sensitive unless it is a Kubernetes reference field.</summary>
    public static bool IsSensitiveSpecKey(string key) => IsSensitiveKey(key) && !KubernetesReferenceFields.Contains(key);

    /// <summary>The name of an environment variable whose value should not be shown (<c>DB_PASSWORD</c>, <c>API_KEY</c>).</summary>
    public static bool IsSensitiveEnvironmentVariable(string name) => name.AsSpan().ContainsAny(EnvironmentPatterns);
}
