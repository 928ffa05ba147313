using Cmf.Core.Kubernetes;

namespace Cmf.Core.Ingest;

/// <summary>
/// Keys of stored watch positions. A resourceVersion only means something on the API server that gave it, so the
/// key carries the server's address: another cluster (a new kubeconfig context, a restarted simulator on a new
/// port) never resumes from this one's positions; it lists afresh.
/// </summary>
public static class WatchPositions
{
    public static string Key(string scope, string watchName) => $"{scope} {watchName}";
}
