using System.Data.Common;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// One parameterised SQL statement reused for every row of a commit, so the engine prepares it once.
/// Values are converted the way the EF model stores them: times as unix milliseconds, enums by name.
/// </summary>
internal sealed class Statement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public Statement(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new DbParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + parameterNames[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    /// <summary>Sets the parameters in the order their names were given.</summary>
    public Statement With(params object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Expected {_parameters.Length} values, got {values.Length}.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = ToStored(values[i]);
        }
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public Task<object?> ScalarAsync(CancellationToken cancellationToken) => _command.ExecuteScalarAsync(cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static object ToStored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => UnixMilliseconds.From(time),
        Enum name => name.ToString(),
        _ => value,
    };
}
