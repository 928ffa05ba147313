using Cmf.Core.Feed;
using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>
/// The application list's page reads, shared between circuits. Every open list re-reads on each change batch, so fifty
/// lists on the same page would run the same query fifty times a batch; here the first read after a publication of the
/// change feed serves every list that asks for the same page until the next publication. A read started after the
/// feed's count was taken sees every commit published up to it, so a shared answer is never older than one the circuit
/// would have read alone. A row that did not change since the previous publication's read of the page keeps that read's
/// record, so the lists can tell an unchanged row (and page) by reference, and the row's markup, shared by record
/// (<see cref="Components.Controls.ApplicationRowMarkup"/>), is not drawn again.
/// </summary>
public sealed class SharedApplicationPages
{
    private readonly Func<ApplicationListQuery, CancellationToken, Task<ApplicationPage>> _read;
    private readonly ChangeFeed _feed;
    private readonly Lock _gate = new();
    private long _publications = -1;
    private Dictionary<string, Task<ApplicationPage>> _reads = new(StringComparer.Ordinal);
    private Dictionary<string, Task<ApplicationPage>> _previousReads = new(StringComparer.Ordinal);

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
                _previousReads = _reads;
                _reads = new(StringComparer.Ordinal);
            }
            // A failed read is not served again: the next caller reads afresh.
            if (!_reads.TryGetValue(key, out shared!) || shared.IsFaulted || shared.IsCanceled)
            {
                // Not cancelled by the circuit that happened to start it: others may be waiting on it.
                shared = _read(query, CancellationToken.None);
                if (_previousReads.GetValueOrDefault(key) is { IsCompletedSuccessfully: true } previous)
                {
                    shared = KeepUnchangedRowsAsync(shared, previous.Result);
                }
                _reads[key] = shared;
            }
        }
        return shared.WaitAsync(cancellationToken);
    }

    private static async Task<ApplicationPage> KeepUnchangedRowsAsync(Task<ApplicationPage> read, ApplicationPage previous)
    {
        var page = await read.ConfigureAwait(false);
        var before = new Dictionary<ApplicationKey, ApplicationSummary>(previous.Items.Count);
        foreach (var row in previous.Items)
        {
            before.TryAdd(row.Key, row);
        }
        var rows = new ApplicationSummary[page.Items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = page.Items[i];
            rows[i] = before.TryGetValue(row.Key, out var same) && same == row ? same : row;
        }
        return page with { Items = rows };
    }
}
