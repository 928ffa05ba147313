using Cmf.Core.Storage.Views;

namespace Cmf.Dashboard.Model;

/// <summary>One page of the changes list. <see cref="Next"/> continues it (null at the end of the window).</summary>
public sealed record ChangeListPage(IReadOnlyList<ChangeRow> Rows, ChangeCursor? Next)
{
    public static ChangeListPage Empty { get; } = new([], null);
}
