using System.Data.Common;

namespace Cmf.Core.Storage.Writing;

/// <summary>A <see cref="WriterCommand"/> on a plain ADO.NET command (its parameters named <c>@name</c>).</summary>
internal sealed class AdoWriterCommand : WriterCommand
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public AdoWriterCommand(DbConnection connection, DbTransaction transaction, string sql, WriterParameters parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new DbParameter[parameters.Count];
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + parameters.Names[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    public override void Bind(int position, object value) => _parameters[position].Value = value;

    public override Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public override Task<object?> ScalarAsync(CancellationToken cancellationToken) => _command.ExecuteScalarAsync(cancellationToken);

    public override async Task ReadRowsAsync(List<object[]> rows, CancellationToken cancellationToken)
    {
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
    }

    public override ValueTask DisposeAsync() => _command.DisposeAsync();
}
