using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.Core.Storage.Sqlite;

/// <summary>
/// Per-connection settings, applied on every open: pooled connections keep them, but a connection
/// opened by anyone (EF, the writer, a migration) must never run without them.
/// </summary>
internal sealed class SqliteConnectionSettings(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    // WAL makes a commit durable at the next checkpoint with NORMAL; a crash loses at most the
    // last commits, never consistency, and the watcher re-observes what was lost.
    private readonly string _pragmas = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
