using System.Data.Common;
using Cmf.Core.Storage.Writing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cmf.Core.Storage.Sqlite;

/// <summary>
/// A <see cref="WriterCommand"/> on SQLite's own prepared statement, on the connection (and so inside the transaction)
/// of a <see cref="SqliteConnection"/>, binding by index. Microsoft.Data.Sqlite binds every parameter by name at every
/// execution (<c>sqlite3_bind_parameter_index</c>, a linear search of the statement's names), which makes a statement of
/// n parameters cost n squared to bind; here names are looked up once, when the statement is prepared, and multi-row
/// statements (<see cref="WriterParameters.Numbered"/>) need no lookup at all. Values are bound as Microsoft.Data.Sqlite
/// binds them: integers and booleans as INTEGER, doubles as REAL, strings as TEXT, byte arrays as BLOB.
/// </summary>
internal sealed class SqliteWriterCommand : WriterCommand
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    public SqliteWriterCommand(DbConnection connection, string sql, WriterParameters parameters)
    {
        _db = (connection as SqliteConnection)?.Handle
            ?? throw new InvalidOperationException("The SQLite writer needs an open SqliteConnection.");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement));
        _indexes = new int[parameters.Count];
        for (var i = 0; i < _indexes.Length; i++)
        {
            _indexes[i] = parameters.NumberedInOrder ? i + 1 : raw.sqlite3_bind_parameter_index(_statement, "@" + parameters.Names[i]);
            if (_indexes[i] == 0)
            {
                throw new ArgumentException($"The statement has no parameter @{parameters.Names[i]}: {sql}", nameof(parameters));
            }
        }
        if (raw.sqlite3_bind_parameter_count(_statement) != _indexes.Distinct().Count())
        {
            throw new ArgumentException($"The statement's parameters are not the {_indexes.Length} given: {sql}", nameof(parameters));
        }
    }

    public override void Bind(int position, object value)
    {
        var index = _indexes[position];
        var rc = value switch
        {
            DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException($"The SQLite writer does not bind values of type {value.GetType().Name}."),
        };
        Check(rc);
    }

    public override Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(rows: null);
        return Task.FromResult(raw.sqlite3_changes(_db));
    }

    public override Task<object?> ScalarAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = new List<object[]>(1);
        Run(rows);
        return Task.FromResult(rows.Count == 0 ? null : (object?)rows[0][0]);
    }

    public override Task ReadRowsAsync(List<object[]> rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(rows);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Steps the statement to its end, keeping the rows when asked, and resets it (a statement left running would block the commit).</summary>
    private void Run(List<object[]>? rows)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                rows?.Add(ReadRow());
            }
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private object[] ReadRow()
    {
        var values = new object[raw.sqlite3_column_count(_statement)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = raw.sqlite3_column_type(_statement, i) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, i),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, i),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, i).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, i).ToArray(),
                _ => DBNull.Value,
            };
        }
        return values;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
