using Cmf.Core.Feed;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The application list's page reads, shared between circuits. Every open list re-reads on each change batch, so fifty
/// lists on the same page would run the same query fifty times a batch; here the first read after a publication of the
/// change feed serves every list that asks for the same page until the next publication. A read started after the
/// feed's count was taken sees every commit published up to it, so a shared answer is never older than one the circuit
/// would have read alone.
/// </summary>
public sealed class SharedApplicationPages
{
    private readonly Func<ApplicationListQuery, CancellationToken, Task<ApplicationPage>> _read;
    private readonly ChangeFeed _feed;
    private readonly Lock _gate = new();
    private long _publications = -1;
    private Dictionary<string, Task<ApplicationPage>> _reads = new(StringComparer.Ordinal);

    public SharedApplicationPages(StoreQueries queries, ChangeFeed feed)
        : this(queries.ListApplicationsAsync, feed)
    {
    }

    /// <param name="read">The page read to share; tests pass one they can hold back or fail.</param>
    internal SharedApplicationPages(Func<ApplicationListQuery, CancellationToken, Task<ApplicationPage>> read, ChangeFeed feed)
    {
        _read = read;
        _feed = feed;
    }

    /// <param name="key">The page's identity: its list URL (<see cref="DashboardUrls.ApplicationsUrl"/>), canonical per filter.</param>
    public Task<ApplicationPage> ReadAsync(ApplicationListQuery query, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var publications = _feed.Publications;
        Task<ApplicationPage> shared;
        lock (_gate)
        {
            if (publications > _publications)
            {
                _publications = publications;
                _reads = new(StringComparer.Ordinal);
            }
            // A failed read is not served again: the next caller reads afresh.
            if (!_reads.TryGetValue(key, out shared!) || shared.IsFaulted || shared.IsCanceled)
            {
                // Not cancelled by the circuit that happened to start it: others may be waiting on it.
                shared = _read(query, CancellationToken.None);
                _reads[key] = shared;
            }
        }
        return shared.WaitAsync(cancellationToken);
    }
}
