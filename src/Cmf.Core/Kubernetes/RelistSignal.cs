namespace Cmf.Core.Kubernetes;

/// <summary>
/// Asks every watch loop to drop its resourceVersion and list again, e.g. after a commit failed and the
/// observations it held are lost: a fresh list brings the store back in line with the cluster.
/// </summary>
public sealed class RelistSignal : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _current = new();

    /// <summary>Cancelled when a relist is requested; read it again after each relist.</summary>
    public CancellationToken Token
    {
        get
        {
            lock (_gate)
            {
                return _current.Token;
            }
        }
    }

    public void Request()
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            previous = _current;
            _current = new CancellationTokenSource();
        }
        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current.Dispose();
        }
    }
}
