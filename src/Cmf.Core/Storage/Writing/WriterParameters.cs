namespace Cmf.Core.Storage.Writing;

/// <summary>
/// The parameters of a <see cref="WriterCommand"/>, in binding order: either names (<c>@Uid</c> in the text, given as
/// <c>Uid</c>), or <c>@p0</c>, <c>@p1</c>, ... numbered in the order they first appear in the text, as the writer's
/// multi-row statements write them (<see cref="RowsInsert.Sql"/>), which lets SQLite bind them without a name lookup.
/// </summary>
internal sealed class WriterParameters
{
    private WriterParameters(IReadOnlyList<string> names, bool numberedInOrder)
    {
        Names = names;
        NumberedInOrder = numberedInOrder;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>True when the i-th name is <c>p{i}</c> and the text's i-th distinct parameter.</summary>
    public bool NumberedInOrder { get; }

    public int Count => Names.Count;

    public static WriterParameters Named(params string[] names) => new(names, numberedInOrder: false);

    public static WriterParameters Numbered(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))], numberedInOrder: true);
}
