using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Security;

/// <summary>
/// The Content-Security-Policy of every response: scripts only from this origin, with no inline script except Blazor's
/// import map, allowed by its SHA-256 (it is generated per build, so the hash is computed from the same definition the
/// page renders). Styles may be inline: MudBlazor writes its theme into a style element and style attributes.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = [];

    public static string For(EmbeddingPolicy embedding, Endpoint? endpoint, FormTargets? forms = null)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        forms ??= FormTargets.SameOriginOnly;
        var importMap = endpoint?.Metadata.GetMetadata<ImportMapDefinition>();
        var scripts = importMap is null ? "'self'" : $"'self' '{ImportMapHashes.GetValue(importMap, Hash)}'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {forms.FormAction}; frame-ancestors {embedding.FrameAncestors}";
    }

    private static string Hash(ImportMapDefinition importMap) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())));
}
