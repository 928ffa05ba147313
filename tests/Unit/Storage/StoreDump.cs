using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Cmf.UnitTests.Storage;

/// <summary>
/// Every row of every table of the model, one line per row with every column, sorted within its table: two stores
/// with the same dump hold the same rows, ids included. Works on both engines through the store's own connection.
/// </summary>
internal static class StoreDump
{
    public static async Task<IReadOnlyList<string>> ReadAsync(TestStore store)
    {
        await using var context = store.Provider.CreateContext();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var tableRows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}");
                tableRows.Add($"{table}: {string.Join(", ", values)}");
            }
            tableRows.Sort(StringComparer.Ordinal);
            rows.AddRange(tableRows);
        }
        return rows;
    }
}
