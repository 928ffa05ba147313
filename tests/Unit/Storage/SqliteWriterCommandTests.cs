using Cmf.Core.Storage.Sqlite;
using Cmf.Core.Storage.Writing;
using Cmf.UnitTests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// The SQLite writer's own statements (bound by index, <see cref="SqliteWriterCommand"/>) store every value exactly as
/// Microsoft.Data.Sqlite's by-name binding stores it, inside the same transaction, and fail as it fails.
/// </summary>
public sealed class SqliteWriterCommandTests : IDisposable
{
    private static readonly object[][] Rows =
    [
        [1L, 42, true, "plain", 1.5, new byte[] { 1, 2, 3 }],
        [long.MaxValue, int.MinValue, false, "unicode: ü ✓ 𝄞, 'quoted' \"twice\"; DROP TABLE t; --", -0.25, Array.Empty<byte>()],
        [long.MinValue, 0, true, "", double.MaxValue, new byte[] { 0 }],
        [DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value],
    ];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Rows_bound_by_position_are_stored_as_by_name_binding_stores_them()
    {
        await using var connection = await OpenAsync();
        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var row in Rows)
            {
                await InsertByNameAsync(connection, transaction, "by_name", row);
            }
            // Two rows per statement, numbered in order (the writer's multi-row statements).
            var sql = "INSERT INTO by_position (a, b, c, d, e, f) VALUES (@p0, @p1, @p2, @p3, @p4, @p5), (@p6, @p7, @p8, @p9, @p10, @p11)";
            await using var command = new SqliteWriterCommand(connection, sql, WriterParameters.Numbered(12));
            for (var pair = 0; pair < Rows.Length; pair += 2)
            {
                var values = Rows[pair].Concat(Rows[pair + 1]).ToArray();
                for (var i = 0; i < values.Length; i++)
                {
                    command.Bind(i, values[i]);
                }
                Assert.Equal(2, await command.ExecuteAsync(CancellationToken.None));
            }
            await transaction.CommitAsync();
        }

        var byName = await DumpAsync(connection, "by_name");
        Assert.Equal(Rows.Length, byName.Count);
        Assert.Equal(byName, await DumpAsync(connection, "by_position"));
    }

    [Fact]
    public async Task Named_parameters_used_twice_bind_once_and_rows_come_back_with_their_types()
    {
        await using var connection = await OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var row in Rows)
        {
            await InsertByNameAsync(connection, transaction, "by_name", row);
        }
        var sql = "SELECT a, d, e, f, typeof(c) FROM by_name WHERE b = @Wanted OR (@Wanted IS NULL AND b IS NULL) ORDER BY rowid";
        await using var command = new SqliteWriterCommand(connection, sql, WriterParameters.Named("Wanted"));

        command.Bind(0, 42);
        var rows = new List<object[]>();
        await command.ReadRowsAsync(rows, CancellationToken.None);
        command.Bind(0, DBNull.Value);
        await command.ReadRowsAsync(rows, CancellationToken.None);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new object[] { 1L, "plain", 1.5, new byte[] { 1, 2, 3 }, "integer" }, rows[0]);
        Assert.Equal(new object[] { DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, "null" }, rows[1]);
    }

    [Fact]
    public async Task A_failing_statement_throws_as_Microsoft_Data_Sqlite_does_and_leaves_the_transaction_usable()
    {
        await using var connection = await OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = new SqliteWriterCommand(connection, "INSERT INTO unique_keys (k) VALUES (@K)", WriterParameters.Named("K"));
        insert.Bind(0, "a");
        await insert.ExecuteAsync(CancellationToken.None);

        insert.Bind(0, "a");
        var error = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteAsync(CancellationToken.None));
        insert.Bind(0, "b");
        await insert.ExecuteAsync(CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT group_concat(k, ',') FROM (SELECT k FROM unique_keys ORDER BY k)";
        Assert.Equal("a,b", await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Parameters_that_the_text_does_not_hold_are_refused_when_prepared()
    {
        await using var connection = await OpenAsync();

        Assert.Throws<ArgumentException>(() => new SqliteWriterCommand(connection, "SELECT @A", WriterParameters.Named("B")));
        Assert.Throws<ArgumentException>(() => new SqliteWriterCommand(connection, "SELECT @p0, @p1", WriterParameters.Numbered(1)));
        Assert.Throws<ArgumentException>(() => new SqliteWriterCommand(connection, "SELECT @A, @B", WriterParameters.Named("A")));
    }

    [Fact]
    public async Task A_value_of_a_type_the_writer_does_not_store_is_refused()
    {
        await using var connection = await OpenAsync();
        await using var command = new SqliteWriterCommand(connection, "SELECT @A", WriterParameters.Named("A"));

        Assert.Throws<NotSupportedException>(() => command.Bind(0, DateTime.UnixEpoch));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_directory.File("writer.db")};Pooling=False");
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText =
            """
            CREATE TABLE IF NOT EXISTS by_name (a INTEGER, b INTEGER, c INTEGER, d TEXT, e REAL, f BLOB);
            CREATE TABLE IF NOT EXISTS by_position (a INTEGER, b INTEGER, c INTEGER, d TEXT, e REAL, f BLOB);
            CREATE TABLE IF NOT EXISTS unique_keys (k TEXT PRIMARY KEY);
            """;
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task InsertByNameAsync(SqliteConnection connection, SqliteTransaction transaction, string table, object[] row)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} (a, b, c, d, e, f) VALUES (@a, @b, @c, @d, @e, @f)";
        foreach (var (name, value) in new[] { "a", "b", "c", "d", "e", "f" }.Zip(row))
        {
            command.Parameters.AddWithValue("@" + name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every value with the type SQLite stored it as, in insertion order.</summary>
    private static async Task<List<string>> DumpAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT quote(a) || typeof(a), quote(b) || typeof(b), quote(c) || typeof(c), quote(d) || typeof(d), quote(e) || typeof(e), quote(f) || typeof(f) FROM {table} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, 6).Select(reader.GetString)));
        }
        return rows;
    }
}
