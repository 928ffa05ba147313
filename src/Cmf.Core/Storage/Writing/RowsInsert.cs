using System.Text;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// An INSERT of entities into one table, many rows per statement (multi-row VALUES, which SQLite and PostgreSQL both
/// accept): as many as the engine's parameter limit and <c>maxRowsPerStatement</c> allow. The columns are the table's
/// (<see cref="TableShape"/>); <c>tail</c> (ON CONFLICT ..., RETURNING ...) follows the VALUES. A command is prepared
/// once per row count and reused for the rest of the transaction.
/// </summary>
internal sealed class RowsInsert : IAsyncDisposable
{
    private readonly Func<string, WriterParameters, WriterCommand> _prepare;
    private readonly TableShape _shape;
    private readonly string _tail;
    private readonly Dictionary<int, WriterCommand> _commands = [];

    /// <param name="prepare">Makes the engine's command for a statement text and its parameters.</param>
    public RowsInsert(Func<string, WriterParameters, WriterCommand> prepare, TableShape shape, string tail, int maxParameters, int maxRowsPerStatement)
    {
        _prepare = prepare;
        _shape = shape;
        _tail = tail;
        RowsPerStatement = Math.Max(1, Math.Min(maxRowsPerStatement, maxParameters / shape.Columns.Count));
    }

    public int RowsPerStatement { get; }

    /// <summary>The statement's text for <paramref name="rows"/> rows.</summary>
    public static string Sql(TableShape shape, string tail, int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(shape.Table).Append("\" (")
            .AppendJoin(", ", shape.Columns.Select(c => c.Quoted)).Append(") VALUES ");
        var parameter = 0;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < shape.Columns.Count; column++)
            {
                sql.Append(column == 0 ? "@p" : ", @p").Append(parameter++);
            }
            sql.Append(')');
        }
        return tail.Length == 0 ? sql.ToString() : sql.Append(' ').Append(tail).ToString();
    }

    /// <summary>Inserts the rows in their order; returns how many rows the statements changed.</summary>
    public async Task<int> ExecuteAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var start = 0; start < entities.Count; start += RowsPerStatement)
        {
            changed += await Bind(entities, start).ExecuteAsync(cancellationToken);
        }
        return changed;
    }

    /// <summary>Inserts the rows in their order and reads what the tail's RETURNING gives, one array per returned row.</summary>
    public async Task<List<object[]>> ReturningAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        var returned = new List<object[]>(entities.Count);
        for (var start = 0; start < entities.Count; start += RowsPerStatement)
        {
            await Bind(entities, start).ReadRowsAsync(returned, cancellationToken);
        }
        return returned;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    private WriterCommand Bind(IReadOnlyList<object> entities, int start)
    {
        var rows = Math.Min(RowsPerStatement, entities.Count - start);
        var command = CommandFor(rows);
        var columns = _shape.Columns;
        var parameter = 0;
        for (var row = start; row < start + rows; row++)
        {
            foreach (var column in columns)
            {
                command.Bind(parameter++, column.Read(entities[row]));
            }
        }
        return command;
    }

    private WriterCommand CommandFor(int rows)
    {
        if (!_commands.TryGetValue(rows, out var command))
        {
            command = _prepare(Sql(_shape, _tail, rows), WriterParameters.Numbered(rows * _shape.Columns.Count));
            _commands.Add(rows, command);
        }
        return command;
    }
}
