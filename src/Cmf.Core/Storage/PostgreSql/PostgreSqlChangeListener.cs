using Cmf.Core.Feed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cmf.Core.Storage.PostgreSql;

/// <summary>
/// Feeds this replica's <see cref="ChangeFeed"/> from the writer's NOTIFY: one dedicated connection that LISTENs. After a
/// lost connection it reconnects with backoff and tells every subscriber to re-read (a notification sent while nobody
/// listened is gone), so a page never keeps a stale view.
/// </summary>
public sealed partial class PostgreSqlChangeListener
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly ChangeFeed _feed;
    private readonly ILogger _logger;
    private readonly TimeSpan _firstBackoff;
    private volatile bool _listening;

    public PostgreSqlChangeListener(PostgreSqlStoreOptions options, ChangeFeed feed, ILogger<PostgreSqlChangeListener>? logger = null)
        : this(options, feed, logger, TimeSpan.FromSeconds(1))
    {
    }

    internal PostgreSqlChangeListener(PostgreSqlStoreOptions options, ChangeFeed feed, ILogger<PostgreSqlChangeListener>? logger, TimeSpan firstBackoff)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            // Its own connection, never returned to a pool; keepalives find a connection that died silently.
            Pooling = false,
            ApplicationName = "cmf-change-listener",
        };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 15;
        }
        _connectionString = builder.ToString();
        _feed = feed;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _firstBackoff = firstBackoff;
    }

    /// <summary>True while the LISTEN connection is up, i.e. while this replica's pages see the writer's commits.</summary>
    public bool IsListening => _listening;

    /// <summary>Listens until cancelled, reconnecting after every failure.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = _firstBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => backoff = _firstBackoff, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                LogConnectionLost(e, backoff);
            }
            finally
            {
                _listening = false;
            }
            try
            {
                // Jitter, so that the replicas of a restarted server do not all come back in the same instant.
                await Task.Delay(backoff * (0.8 + (0.4 * Random.Shared.NextDouble())), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        connection.Notification += (_, e) => Deliver(e.Payload);
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotification.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        _listening = true;
        connected();
        // Whatever was committed while nobody listened (before the first LISTEN, or while reconnecting) is unknown.
        _feed.PublishResync();
        LogListening();
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private void Deliver(string payload)
    {
        if (ChangeNotification.Decode(payload) is { } changes)
        {
            _feed.Publish(changes);
        }
        else
        {
            _feed.PublishResync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for the writer's commits")]
    private partial void LogListening();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener lost its connection; reconnecting in about {Backoff}")]
    private partial void LogConnectionLost(Exception exception, TimeSpan backoff);
}
