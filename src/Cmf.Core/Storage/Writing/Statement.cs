using System.Data.Common;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// One parameterised SQL statement reused for every row of a commit, so the engine prepares it once.
/// Values are converted the way the EF model stores them: times as unix milliseconds, enums by name.
/// </summary>
internal sealed class Statement : IAsyncDisposable
{
    private readonly WriterCommand _command;
    private readonly int _parameterCount;

    public Statement(WriterCommand command, int parameterCount)
    {
        _command = command;
        _parameterCount = parameterCount;
    }

    /// <summary>A statement on a plain ADO.NET command, for statements run once or twice a transaction.</summary>
    public Statement(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
        : this(new AdoWriterCommand(connection, transaction, sql, WriterParameters.Named(parameterNames)), parameterNames.Length)
    {
    }

    /// <summary>Sets the parameters in the order their names were given.</summary>
    public Statement With(params object?[] values)
    {
        if (values.Length != _parameterCount)
        {
            throw new ArgumentException($"Expected {_parameterCount} values, got {values.Length}.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            _command.Bind(i, ToStored(values[i]));
        }
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteAsync(cancellationToken);

    public Task<object?> ScalarAsync(CancellationToken cancellationToken) => _command.ScalarAsync(cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static object ToStored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => UnixMilliseconds.From(time),
        Enum name => name.ToString(),
        _ => value,
    };
}
