using Cmf.Core.Model;

namespace Cmf.Core.Attribution;

/// <summary>
/// What delivered an object, from the marks GitOps tools and package managers leave on it: Argo CD's
/// <c>argocd.argoproj.io/tracking-id</c> annotation (<c>app:group/Kind:namespace/name</c>; its label tracking sets
/// <c>app.kubernetes.io/instance</c>, which Helm charts set too, so that label counts only when Argo CD wrote the
/// change), Flux's <c>kustomize.toolkit.fluxcd.io/name</c> / <c>namespace</c> and <c>helm.toolkit.fluxcd.io/name</c> /
/// <c>namespace</c> labels, Helm's <c>meta.helm.sh/release-name</c> / <c>release-namespace</c> annotations, and
/// CMF's pod-template annotation <c>platform.confluent.io/cmf-fa-instance</c>. None of them names a revision on the
/// object itself (Argo CD and Flux keep it on the Application and the Kustomization).
/// </summary>
public static class DeliveryTracking
{

    /// <summary>Argo CD's field manager (gitops-engine's default for its applies).</summary>
    public const string ArgoCdManager = "argocd-controller";

    private const int MaxNameLength = 253;

    /// <summary>A one-line description of what delivered the object, or null when it carries no such mark.</summary>
    public static string? Describe(
        IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, string? manager, bool managedByCmf)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotations);
        if (annotations.TryGetValue(MetadataKeys.ArgoCdTrackingId, out var trackingId) && ArgoApplication(trackingId) is { } application)
        {
            return "Argo CD application " + application;
        }
        if (Qualified(labels, MetadataKeys.FluxKustomizationName, MetadataKeys.FluxKustomizationNamespace) is { } kustomization)
        {
            return "Flux Kustomization " + kustomization;
        }
        if (Qualified(labels, MetadataKeys.FluxHelmReleaseName, MetadataKeys.FluxHelmReleaseNamespace) is { } helmRelease)
        {
            return "Flux HelmRelease " + helmRelease;
        }
        if (Qualified(annotations, MetadataKeys.HelmReleaseName, MetadataKeys.HelmReleaseNamespace) is { } release)
        {
            return "Helm release " + release;
        }
        if (manager == ArgoCdManager && labels.TryGetValue(MetadataKeys.InstanceLabel, out var instance) && instance.Length > 0)
        {
            return "Argo CD application " + Inert(instance);
        }
        return managedByCmf ? "Confluent Manager for Apache Flink" : null;
    }

    /// <summary>The application of a tracking id: the part before the first ':' (<c>namespace_name</c> for an application outside Argo CD's namespace).</summary>
    public static string? ArgoApplication(string trackingId)
    {
        ArgumentNullException.ThrowIfNull(trackingId);
        var colon = trackingId.IndexOf(':', StringComparison.Ordinal);
        var application = colon < 0 ? trackingId : trackingId[..colon];
        return application.Length > 0 ? Inert(application) : null;
    }

    private static string? Qualified(IReadOnlyDictionary<string, string> map, string nameKey, string namespaceKey)
    {
        if (!map.TryGetValue(nameKey, out var name) || name.Length == 0)
        {
            return null;
        }
        return map.TryGetValue(namespaceKey, out var ns) && ns.Length > 0 ? Inert(ns) + "/" + Inert(name) : Inert(name);
    }

    private static string Inert(string text) => InertText.Of(text, MaxNameLength);
}
