using Cmf.Core.Storage.PostgreSql;

namespace Cmf.Dashboard.Hosting;

/// <summary>Runs this replica's <see cref="PostgreSqlChangeListener"/> for the life of the host (PostgreSQL store only).</summary>
internal sealed class ChangeListenerService(PostgreSqlChangeListener listener) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => listener.RunAsync(stoppingToken);
}
