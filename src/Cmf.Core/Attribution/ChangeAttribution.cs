namespace Cmf.Core.Attribution;

/// <summary>
/// Who wrote a spec change: the field manager that owns the changed spec fields (<c>kubectl-patch</c>,
/// <c>argocd-controller</c>, <c>helm</c>, ...), the time the API server recorded for its write, and what delivered
/// it when the object says so (an Argo CD application, a Flux Kustomization or HelmRelease, a Helm release, CMF).
/// </summary>
public sealed record ChangeAttribution
{
    /// <summary>The field manager; null when the object has no managedFields owning its spec (API servers before 1.18).</summary>
    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>For example "Argo CD application payments" or "Flux Kustomization flux-system/apps"; null when unknown.</summary>
    public string? ChangeOrigin { get; init; }
}
