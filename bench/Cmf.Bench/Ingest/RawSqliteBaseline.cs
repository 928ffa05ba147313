using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Cmf.Bench.Ingest;

/// <summary>
/// The baseline a user would compare ingest with: the rows the pipeline ended with (every table, as it wrote them)
/// inserted into a new SQLite file of the same schema and settings (WAL, synchronous=NORMAL, foreign keys) with
/// prepared statements, in as many transactions as the pipeline committed batches, and no logic at all.
/// </summary>
internal static class RawSqliteBaseline
{
    public sealed record Measurement(TimeSpan Elapsed, long Rows, int Transactions);

    private sealed record Table(string Name, string Sql, string[] Columns, List<object?[]> Rows);

    public static async Task<Measurement> InsertSameRowsAsync(string productDatabase, string baselineDatabase, long transactions, CancellationToken cancellationToken)
    {
        var (tables, indexes) = await ReadAsync(productDatabase, cancellationToken);
        await using var target = await OpenAsync(baselineDatabase, cancellationToken);
        foreach (var sql in tables.Select(t => t.Sql).Concat(indexes))
        {
            await ExecuteAsync(target, sql, cancellationToken);
        }

        var rows = tables.Sum(t => (long)t.Rows.Count);
        var perTransaction = Math.Max(1, (long)Math.Ceiling(rows / (double)Math.Max(1, transactions)));
        var clock = Stopwatch.StartNew();
        var committed = 0;
        SqliteTransaction? transaction = null;
        long inTransaction = 0;
        foreach (var table in tables)
        {
            await using var insert = target.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            foreach (var row in table.Rows)
            {
                if (transaction is null)
                {
                    transaction = target.BeginTransaction(deferred: false);
                }
                insert.Transaction = transaction;
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (++inTransaction == perTransaction)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                    inTransaction = 0;
                    committed++;
                }
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            committed++;
        }
        return new Measurement(clock.Elapsed, rows, committed);
    }

    private static async Task<(List<Table> Tables, List<string> Indexes)> ReadAsync(string database, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(database, cancellationToken);
        var schema = new List<(string Type, string Name, string Sql)>();
        await using (var command = source.CreateCommand())
        {
            command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                schema.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var tables = new List<Table>();
        foreach (var (name, sql) in await InDependencyOrderAsync(source, schema.Where(s => s.Type == "table").Select(s => (s.Name, s.Sql)).ToList(), cancellationToken))
        {
            await using var command = source.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object?[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            tables.Add(new Table(name, sql, columns, rows));
        }
        return (tables, schema.Where(s => s.Type == "index").Select(s => s.Sql).ToList());
    }

    /// <summary>
    /// Referenced tables before the tables referring to them. Creation order is not enough: a migration that drops a
    /// column rebuilds the table, which then comes after the tables that refer to it.
    /// </summary>
    private static async Task<List<(string Name, string Sql)>> InDependencyOrderAsync(SqliteConnection source, List<(string Name, string Sql)> tables, CancellationToken cancellationToken)
    {
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, _) in tables)
        {
            await using var command = source.CreateCommand();
            command.CommandText = $"SELECT \"table\" FROM pragma_foreign_key_list('{name.Replace("'", "''", StringComparison.Ordinal)}')";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                referenced.Add(reader.GetString(0));
            }
            referenced.Remove(name);
            references[name] = referenced;
        }
        var ordered = new List<(string Name, string Sql)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables.Where(t => !placed.Contains(t.Name) && references[t.Name].All(r => placed.Contains(r) || !references.ContainsKey(r))).ToList();
            if (next.Count == 0)
            {
                throw new InvalidOperationException("The tables' foreign keys form a cycle: " + string.Join(", ", tables.Where(t => !placed.Contains(t.Name)).Select(t => t.Name)));
            }
            ordered.AddRange(next);
            placed.UnionWith(next.Select(t => t.Name));
        }
        return ordered;
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
