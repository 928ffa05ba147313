using k8s;

namespace Cmf.Core.Kubernetes;

/// <summary>
/// KubernetesClient's connection to the API server (kubeconfig credentials and their refresh, TLS, HTTP/2, error
/// statuses thrown as <see cref="k8s.Autorest.HttpOperationException"/>) handing back the raw response. The watcher
/// reads list and watch bodies itself (<see cref="ResourceJson"/>): KubernetesClient's serializer stops at a depth
/// of 64, so one deeper object would fail the whole list or watch it is part of.
/// </summary>
public sealed class ApiServerClient(KubernetesClientConfiguration configuration) : k8s.Kubernetes(configuration)
{
    /// <summary>GETs <paramref name="relativeUri"/> (relative to <see cref="k8s.Kubernetes.BaseUri"/>); returns once the headers arrived.</summary>
    public Task<HttpResponseMessage> GetAsync(string relativeUri, CancellationToken cancellationToken) =>
        SendRequest<object?>(relativeUri, HttpMethod.Get, customHeaders: null, body: null, cancellationToken);
}
