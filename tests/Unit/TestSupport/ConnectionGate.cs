using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.UnitTests.TestSupport;

/// <summary>Holds the next connection opened (the start of a write) until opened, like a leader paused by a long GC.</summary>
internal sealed class ConnectionGate : DbConnectionInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;

    public Task Reached => _reached.Task;

    public void Close() => Volatile.Write(ref _closed, 1);

    public void Open() => _open.TrySetResult();

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 0) == 1)
        {
            _reached.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }
        return result;
    }
}
