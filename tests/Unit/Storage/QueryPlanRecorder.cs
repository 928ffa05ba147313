using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// Records SQLite's EXPLAIN QUERY PLAN for every query EF sends while recording is on, run on the
/// same connection, transaction and parameters as the query itself.
/// </summary>
internal sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<QueryPlan> _plans = new();
    private volatile bool _recording;

    public IDisposable Record()
    {
        _plans.Clear();
        _recording = true;
        return new Stop(this);
    }

    public IReadOnlyList<QueryPlan> Plans => [.. _plans];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Explain(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Explain(command);
        return ValueTask.FromResult(result);
    }

    private void Explain(DbCommand command)
    {
        if (!_recording || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }
        var details = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                details.Add(reader.GetString(3));
            }
        }
        _plans.Enqueue(new QueryPlan(command.CommandText, details));
    }

    private sealed class Stop(QueryPlanRecorder recorder) : IDisposable
    {
        public void Dispose() => recorder._recording = false;
    }
}
