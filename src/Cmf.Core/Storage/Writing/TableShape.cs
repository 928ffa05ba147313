using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cmf.Core.Storage.Writing;

/// <summary>
/// One table as the EF model maps it: its name, and every column the writer sets (all but a store-generated key) with
/// the conversion the model applies on the way in. The writer's SQL is built from this, so a property added to an
/// entity is written without touching any SQL. Built once per context type (<see cref="Of"/>).
/// </summary>
internal sealed class TableShape
{
    private static readonly ConcurrentDictionary<(Type Context, Type Entity), TableShape> Shapes = new();

    private readonly Dictionary<string, TableColumn> _byProperty;

    private TableShape(IEntityType entityType)
    {
        Table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
        var generated = entityType.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated != ValueGenerated.Never).ToList() ?? [];
        GeneratedKey = generated.Count == 1 ? new TableColumn(generated[0], table) : null;
        Columns = [.. entityType.GetProperties()
            .Where(p => !generated.Contains(p))
            .Select(p => new TableColumn(p, table))];
        _byProperty = Columns.Append(GeneratedKey).OfType<TableColumn>().ToDictionary(c => c.Property, StringComparer.Ordinal);
    }

    public string Table { get; }

    /// <summary>The columns an insert sets, in the model's property order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The key the store generates (an identity or AUTOINCREMENT id); null when the writer sets the key.</summary>
    public TableColumn? GeneratedKey { get; }

    /// <summary>The column of an entity property (pass <c>nameof(Entity.Property)</c>); throws for an unmapped name.</summary>
    public TableColumn this[string property] => _byProperty.TryGetValue(property, out var column)
        ? column
        : throw new ArgumentException($"{Table} has no column for property '{property}'.", nameof(property));

    /// <summary>The shape of <typeparamref name="TEntity"/>'s table in <paramref name="context"/>'s model.</summary>
    public static TableShape Of<TEntity>(DbContext context) => Shapes.GetOrAdd(
        (context.GetType(), typeof(TEntity)),
        static (_, model) => new TableShape(model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.")),
        context.Model);
}

/// <summary>One mapped column: its quoted name, how to read it from an entity and how the model converts the value.</summary>
internal sealed class TableColumn
{
    private readonly IClrPropertyGetter _getter;
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter;

    public TableColumn(IProperty property, StoreObjectIdentifier table)
    {
        // Asked once: IPropertyBase.GetGetter goes through a lazy initializer at every call.
        _getter = property.GetGetter();
        Property = property.Name;
        Name = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}.");
        _converter = property.GetTypeMapping().Converter;
    }

    /// <summary>The entity property's name.</summary>
    public string Property { get; }

    /// <summary>The column's name, unquoted.</summary>
    public string Name { get; }

    /// <summary>The name quoted for SQL (both engines accept double quotes).</summary>
    public string Quoted => $"\"{Name}\"";

    /// <summary>The value to bind for this column of <paramref name="entity"/>, converted as EF would store it.</summary>
    public object Read(object entity) => ToStored(_getter.GetClrValueUsingContainingEntity(entity));

    /// <summary>A value converted as EF would store it in this column (times as unix milliseconds, enums by name).</summary>
    public object ToStored(object? value) => value is null
        ? DBNull.Value
        : (_converter is null ? value : _converter.ConvertToProvider(value)) ?? DBNull.Value;
}
